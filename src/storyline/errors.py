"""The library's own exceptions. The CLI translates them into exit codes at the edge."""


class StorylineError(Exception):
    """Base class: something the caller can fix; the message says what and how."""


class InputError(StorylineError):
    """The input could not be read: a missing path, a binary or non-UTF-8 file, bad JSON."""


class EmptyInputError(InputError):
    """The input holds no article text to summarize."""


class OptionsError(StorylineError, ValueError):
    """An option is out of range or of the wrong type."""
