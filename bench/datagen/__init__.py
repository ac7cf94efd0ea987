"""The large-handbook generator behind manage.py generate_handbook: Danish text, attachments, fast bulk publishing."""
