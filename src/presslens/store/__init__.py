"""presslens.store"""
