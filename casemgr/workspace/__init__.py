"""The caseworkers' workspace: server-rendered pages over cases and families.

It lives above both apps (a case page shows the case and its relatives'
deliveries), calls their services and selectors, and adds no rule of its own.
"""
