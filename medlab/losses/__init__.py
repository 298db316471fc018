"""Pure loss functions (torch only, no Lightning), and the one target value that carries no loss.

`IGNORE_INDEX` (-100, torch's cross-entropy default) marks a position whose target takes no
loss: the chat encoder (`medlab.data.chat_format`) and the collators write it, every loss and
forward helper skips it.
"""

IGNORE_INDEX = -100
