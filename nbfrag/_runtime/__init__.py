"""The runtime: what runs apps and fragments, below every command.

Apps and fragments are *scopes* (`scopes`) that re-execute code into a reconciled block
(`reconciler`); the run loop (`runtime`) dispatches every interaction as a request and runs
every body through one error ladder (`execution`); a `Session` (`session`) holds one user's
Session State (`state`), shared by all of that user's apps and fragments. Nothing here imports
a command or the public face.
"""
