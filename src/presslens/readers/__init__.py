"""presslens.readers"""
