"""Batch prediction from files with the bundled (or a given) model, in the shared tasks'
formats: `presslens claims score` (predict/claims.py) and `presslens framing predict`
(predict/framing.py). Torch-free; each writes its output whole or not at all (output.py)."""
