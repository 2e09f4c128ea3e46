"""certmerge: follow an AWS Certification account merge through support, by email."""

__version__ = "0.1.0"
