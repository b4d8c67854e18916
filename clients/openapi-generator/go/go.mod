module rackplane.local/oag-scenario

go 1.21

require rackplane.local/oag v0.0.0

require gopkg.in/validator.v2 v2.0.1 // indirect

// The client openapi-generator's `go` generator makes (run.sh writes it and its go.mod).
replace rackplane.local/oag => ../generated/go
