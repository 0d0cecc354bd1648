"""Telling people what they need to act on: in the app (a list per user) and by e-mail, each exactly once."""
