// Makes the cloned project a git repository with one commit, then edits one file that segment 'alpha' covers.
def git(String... args) {
  def command = ["git"] + args.toList()
  def process = command.execute(null, basedir)
  def out = new StringBuilder()
  def err = new StringBuilder()
  process.waitForProcessOutput(out, err)
  assert process.exitValue() == 0 : command.join(" ") + " failed: " + err
}

new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
git("init", "-q")
git("config", "user.name", "Segment IT")
git("config", "user.email", "it@segmented.invalid")
git("config", "commit.gpgsign", "false")
git("add", "-A")
git("commit", "-q", "-m", "the project as cloned")

def alpha = new File(basedir, "src/main/java/it/cs/alpha/Alpha.java")
alpha.text = alpha.text.replace('"alpha"', '"alpha, edited"')
return true
