"""The conductor: settings, the CLI, and the journey of one message through the stages."""
