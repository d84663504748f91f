"""Answer: templates, the reply policy, composing and delivering replies, exports.

What the package exports (listed, and typed, in __init__.pyi) is imported
at its first use, by lazy_loader: the reply composer's process then loads
the templates and the composer, not the digest, the exports and the store
behind them, which took it a second to start and half its memory.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
