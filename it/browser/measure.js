// Appended to a copy of a report by check-report: measures what the browser laid out and writes the verdict into
// the page, as <pre id="check-report">, for check-report to read from the dumped DOM.
(function () {
  var problems = [];
  var labels = Array.prototype.slice.call(document.querySelectorAll("#graph + svg text"));
  var boxes = labels.map(function (t) { return t.getBoundingClientRect(); });
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
        problems.push('graph labels overlap: "' + labels[i].textContent + '" and "' + labels[j].textContent + '"');
      }
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + window.innerWidth +
      " px window");
  }
  var started = document.querySelector(".summary time");
  if (!started || !/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC$/.test(started.textContent)) {
    problems.push('the start time reads "' + (started ? started.textContent : "(none)") + '"');
  }
  var advice = Array.prototype.slice.call(document.querySelectorAll("#advice + ol.advice > li"));
  if (typeof expectAdvice !== "undefined" && expectAdvice) {
    if (!advice.length) {
      problems.push("no advice on cutting segments under #advice");
    }
    advice.forEach(function (li) {
      var box = li.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(li).visibility === "hidden") {
        problems.push('advice not shown: "' + li.textContent.slice(0, 60) + '"');
      } else if (box.right > window.innerWidth + 1) {
        problems.push('advice wider than the window: "' + li.textContent.slice(0, 60) + '"');
      }
    });
    var count = document.querySelector('.summary a[href="#advice"]');
    if (!count || count.textContent !== String(advice.length)) {
      problems.push("the header counts " + (count ? count.textContent : "no") + " pieces of advice, the page shows " +
        advice.length);
    }
  }
  var verdict = document.createElement("pre");
  verdict.id = "check-report";
  verdict.textContent = labels.length + " graph labels; " + advice.length + " pieces of advice; " +
    (problems.length ? "PROBLEMS: " + problems.join("; ") : "OK");
  document.body.appendChild(verdict);
})();
