from .contribute.cli import run

run()
