"""Provider requests: what police must ask of operators and providers, per country."""
