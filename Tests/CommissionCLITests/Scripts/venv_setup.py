"""The one way the test scripts get their third-party packages: when a module is missing, create
(once) a virtual environment beside the build products, pip-install the packages there, and run
the calling script again with that environment's Python. The scripts share one environment, so
a lock lets one test create or install at a time."""
import fcntl, os, subprocess, sys


def ensure(venv, modules, packages=None):
    """Returns when every module imports; otherwise installs `packages` (default: the module
    names) into `venv` and re-runs the script there, never returning."""
    try:
        for module in modules:
            __import__(module)
        return
    except ImportError:
        pass
    python = os.path.join(venv, "bin", "python")
    os.makedirs(os.path.dirname(venv), exist_ok=True)
    with open(venv + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(python):
            subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv], check=True)
        check = "import " + ", ".join(modules)
        if subprocess.run([python, "-c", check], capture_output=True).returncode != 0:
            subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
                           + list(packages or modules), check=True)
    os.execv(python, [python] + sys.argv)
