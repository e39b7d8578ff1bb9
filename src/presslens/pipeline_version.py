"""The version of the analysis pipeline, which names what a stored analysis was made with.

It changes whenever any analyzer's output would change. It lives apart from pipeline.py so that
the store, the engines and the command line can compare versions without loading spaCy.
"""

PIPELINE_VERSION = "0.8.3"
