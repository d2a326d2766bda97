{
  "variables": {
    # Build with `--ledger_hash_evp=1` to use the EVP (non-deprecated) back end.
    "ledger_hash_evp%": 0
  },
  "targets": [
    {
      "target_name": "ledger_hash",
      "sources": ["native/ledger_hash.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O3", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "xcode_settings": {
        "GCC_OPTIMIZATION_LEVEL": "3",
        "OTHER_CFLAGS": ["-Wall", "-Wextra", "-Wno-unused-parameter"]
      },
      "conditions": [
        ["ledger_hash_evp==1", { "defines": ["LEDGER_HASH_USE_EVP=1"] }]
      ]
    }
  ]
}
