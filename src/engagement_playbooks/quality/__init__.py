"""Writing quality: readability grades of the plays."""
