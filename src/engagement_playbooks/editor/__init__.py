"""The browser editor (Decap CMS): its configuration generated from the models, and the local editing server."""
