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
  var verdict = document.createElement("pre");
  verdict.id = "check-report";
  verdict.textContent = labels.length + " graph labels; " +
    (problems.length ? "PROBLEMS: " + problems.join("; ") : "OK");
  document.body.appendChild(verdict);
})();
