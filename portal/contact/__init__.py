"""The "Liên hệ" page: the body's details from the site profile and a contact form whose messages reach the admin."""
