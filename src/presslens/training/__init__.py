"""presslens.training"""
