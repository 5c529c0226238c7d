"""papermill support for the Regula kernel.

Installing this package is enough: papermill loads ``regula_papermill.engine`` through its
``papermill.engine`` entry point when it is imported, and that registers ``RegulaTranslator``
for the kernel and the language named ``regula``.
"""
