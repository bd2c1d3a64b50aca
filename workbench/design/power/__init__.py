"""Power and sample size in the staff's terms: ``wb.power`` (front doors in ``api.py``)."""

from workbench.design.power.api import *  # noqa: F401,F403  (the public face is api.__all__)
from workbench.design.power.api import __all__  # noqa: F401
