"""The runtime: what runs apps and fragments, below every command.

Apps and fragments are *scopes* (`scopes`) that re-execute code into a reconciled block
(`reconciler`); the run loop (`runtime`) dispatches every interaction as a request; Session
State (`state`) is shared by all of them. Nothing here imports a command or the public face.
"""
