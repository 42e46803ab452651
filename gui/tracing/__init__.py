"""The tracing feature's window side: a quote's trace, and the library-wide views."""
