"""The faces of the library: the command line, the HTTP server and its page. They hold
no logic the library lacks; library errors become exit codes or HTTP statuses here."""
