"""The archive: data/ read, validated and loaded into the typed model, fidelity to the captures checked."""
