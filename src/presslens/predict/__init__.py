"""Batch prediction from files with the bundled (or a given) model, in the shared tasks'
formats: `presslens claims score` (predict/claims.py), `presslens framing predict`
(predict/framing.py) and `presslens techniques predict` (predict/techniques.py), with the
tasks' file readers (techniques_files.py, framing_files.py) that training reads too.
Torch-free; claims and framing write their output whole or not at all (output.py)."""
