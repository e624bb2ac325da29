// Placeholder: this module is built in a later issue.
