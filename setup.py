from setuptools import Extension, setup

# The C trial is a speed-up only: where it cannot be built, the pure-Python one is used.
setup(ext_modules=[Extension("cleantext._trial", ["src/cleantext/_trial.c"], optional=True)])
