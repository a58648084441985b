"""Rule packs: the rules and source notes in one signed file, for machines that are offline.

`build` makes a `.jiwonpack` (a zip with a manifest and an Ed25519 signature, PyNaCl/libsodium),
`read` verifies and opens one, `store` installs it beside the previous one so it can be rolled
back. Nothing here imports Qt; the CLI (`jiwon pack`) and the app (File > Update rules…) share it.
"""
