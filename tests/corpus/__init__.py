"""The hand-made mail corpus and the code that writes it."""
