/*
 * ledger_hash: batch hashing for the audit ledger.
 *
 * Per-call overhead of node:crypto (createHmac/createHash) dominates the cost
 * of hashing ~400 byte records, so this addon hashes a whole batch in one
 * call. It links against the OpenSSL that the Node binary itself exports; no
 * separate OpenSSL is bundled or required.
 *
 * Exports
 *   hashBatch(key, prev, nonces, bodies, offsets, stored) -> Buffer(64 * n)
 *     record i, bytes [64i, 64i+32):    HMAC-SHA256(key, p_i || nonce_i || body_i)
 *               bytes [64i+32, 64i+64): SHA-256(0x00 || h_i || body_i)
 *     append mode (stored === null): p_0 = prev, p_i = HMAC of record i-1,
 *                                    h_i = HMAC of record i
 *     verify mode (stored given):    p_0 = prev, p_i = stored[i-1],
 *                                    h_i = stored[i]
 *   sha256Nodes(pairs) -> Buffer(32 * m): SHA-256(0x01 || pair_j)
 *
 * Two hashing back ends:
 *   - default: the low-level SHA256_* API (deprecated in OpenSSL 3 but still
 *     exported by Node). HMAC inner/outer padded-key states are computed once
 *     per batch and the 112-byte SHA256_CTX is copied per record.
 *   - LEDGER_HASH_USE_EVP (or an OpenSSL built without the deprecated API):
 *     the same scheme with EVP_MD_CTX_copy_ex. Slower per record because every
 *     copy goes through the provider layer.
 */
#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
/* We deliberately use the SHA256_* low-level API; silence the 3.0 warnings. */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <node_api.h>
#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(OPENSSL_NO_DEPRECATED_3_0) && !defined(LEDGER_HASH_USE_EVP)
#define LEDGER_HASH_USE_EVP 1
#endif

#define DIGEST_LEN 32
#define BLOCK_LEN 64
#define NONCE_LEN 16

/* ------------------------------------------------------------------------ */
/* N-API helpers                                                            */
/* ------------------------------------------------------------------------ */

#define NAPI_CALL(env, call)                                                   \
  do {                                                                         \
    if ((call) != napi_ok) {                                                   \
      throw_last_error(env);                                                   \
      return NULL;                                                             \
    }                                                                          \
  } while (0)

static void throw_last_error(napi_env env) {
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) return;
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  napi_throw_error(env, NULL,
                   (info && info->error_message) ? info->error_message
                                                 : "ledger_hash: N-API call failed");
}

/* Reads a Uint8Array (Buffers included). Returns 0 and throws on mismatch. */
static int get_bytes(napi_env env, napi_value v, const char *name,
                     const uint8_t **data, size_t *len) {
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s must be a Buffer or Uint8Array", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
    return 0;
  }
  napi_typedarray_type type;
  size_t length = 0;
  void *ptr = NULL;
  if (napi_get_typedarray_info(env, v, &type, &length, &ptr, NULL, NULL) != napi_ok) {
    throw_last_error(env);
    return 0;
  }
  if (type != napi_uint8_array) {
    char msg[128];
    snprintf(msg, sizeof msg, "%s must be a Buffer or Uint8Array", name);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
    return 0;
  }
  /* A zero-length view may have a NULL data pointer; never dereferenced. */
  *data = (const uint8_t *)ptr;
  *len = length;
  return 1;
}

static int throw_range(napi_env env, const char *msg) {
  napi_throw_range_error(env, "ERR_OUT_OF_RANGE", msg);
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Hashing back ends                                                        */
/* ------------------------------------------------------------------------ */

static void derive_pads(const uint8_t *key, size_t key_len, uint8_t ipad[BLOCK_LEN],
                        uint8_t opad[BLOCK_LEN]);

#ifndef LEDGER_HASH_USE_EVP

typedef struct {
  SHA256_CTX inner; /* state after absorbing key ^ ipad */
  SHA256_CTX outer; /* state after absorbing key ^ opad */
} hasher;

static int hasher_init(hasher *h, const uint8_t *key, size_t key_len) {
  uint8_t ipad[BLOCK_LEN], opad[BLOCK_LEN];
  derive_pads(key, key_len, ipad, opad);
  int ok = SHA256_Init(&h->inner) && SHA256_Update(&h->inner, ipad, BLOCK_LEN) &&
           SHA256_Init(&h->outer) && SHA256_Update(&h->outer, opad, BLOCK_LEN);
  OPENSSL_cleanse(ipad, sizeof ipad);
  OPENSSL_cleanse(opad, sizeof opad);
  return ok;
}

static void hasher_free(hasher *h) { OPENSSL_cleanse(h, sizeof *h); }

static int hasher_hmac(hasher *h, const uint8_t *prev, const uint8_t *nonce,
                       const uint8_t *body, size_t body_len, uint8_t out[DIGEST_LEN]) {
  SHA256_CTX c = h->inner;
  uint8_t ih[DIGEST_LEN];
  SHA256_Update(&c, prev, DIGEST_LEN);
  SHA256_Update(&c, nonce, NONCE_LEN);
  if (body_len) SHA256_Update(&c, body, body_len);
  SHA256_Final(ih, &c);
  c = h->outer;
  SHA256_Update(&c, ih, DIGEST_LEN);
  SHA256_Final(out, &c);
  return 1;
}

/* SHA-256(tag || a[0..a_len) || b[0..b_len)) */
static int hasher_tagged(hasher *h, uint8_t tag, const uint8_t *a, size_t a_len,
                         const uint8_t *b, size_t b_len, uint8_t out[DIGEST_LEN]) {
  (void)h;
  SHA256_CTX c;
  SHA256_Init(&c);
  SHA256_Update(&c, &tag, 1);
  if (a_len) SHA256_Update(&c, a, a_len);
  if (b_len) SHA256_Update(&c, b, b_len);
  SHA256_Final(out, &c);
  return 1;
}

#else /* LEDGER_HASH_USE_EVP */

typedef struct {
  EVP_MD *md;
  EVP_MD_CTX *inner, *outer, *fresh, *work;
} hasher;

static void hasher_free(hasher *h) {
  EVP_MD_CTX_free(h->inner);
  EVP_MD_CTX_free(h->outer);
  EVP_MD_CTX_free(h->fresh);
  EVP_MD_CTX_free(h->work);
  EVP_MD_free(h->md);
  memset(h, 0, sizeof *h);
}

static int hasher_init(hasher *h, const uint8_t *key, size_t key_len) {
  memset(h, 0, sizeof *h);
  h->md = EVP_MD_fetch(NULL, "SHA2-256", NULL);
  h->inner = EVP_MD_CTX_new();
  h->outer = EVP_MD_CTX_new();
  h->fresh = EVP_MD_CTX_new();
  h->work = EVP_MD_CTX_new();
  if (!h->md || !h->inner || !h->outer || !h->fresh || !h->work) return 0;
  uint8_t ipad[BLOCK_LEN], opad[BLOCK_LEN];
  derive_pads(key, key_len, ipad, opad);
  int ok = EVP_DigestInit_ex(h->inner, h->md, NULL) &&
           EVP_DigestUpdate(h->inner, ipad, BLOCK_LEN) &&
           EVP_DigestInit_ex(h->outer, h->md, NULL) &&
           EVP_DigestUpdate(h->outer, opad, BLOCK_LEN) &&
           EVP_DigestInit_ex(h->fresh, h->md, NULL);
  OPENSSL_cleanse(ipad, sizeof ipad);
  OPENSSL_cleanse(opad, sizeof opad);
  return ok;
}

static int hasher_hmac(hasher *h, const uint8_t *prev, const uint8_t *nonce,
                       const uint8_t *body, size_t body_len, uint8_t out[DIGEST_LEN]) {
  uint8_t ih[DIGEST_LEN];
  return EVP_MD_CTX_copy_ex(h->work, h->inner) &&
         EVP_DigestUpdate(h->work, prev, DIGEST_LEN) &&
         EVP_DigestUpdate(h->work, nonce, NONCE_LEN) &&
         (body_len == 0 || EVP_DigestUpdate(h->work, body, body_len)) &&
         EVP_DigestFinal_ex(h->work, ih, NULL) &&
         EVP_MD_CTX_copy_ex(h->work, h->outer) &&
         EVP_DigestUpdate(h->work, ih, DIGEST_LEN) &&
         EVP_DigestFinal_ex(h->work, out, NULL);
}

static int hasher_tagged(hasher *h, uint8_t tag, const uint8_t *a, size_t a_len,
                         const uint8_t *b, size_t b_len, uint8_t out[DIGEST_LEN]) {
  return EVP_MD_CTX_copy_ex(h->work, h->fresh) &&
         EVP_DigestUpdate(h->work, &tag, 1) &&
         (a_len == 0 || EVP_DigestUpdate(h->work, a, a_len)) &&
         (b_len == 0 || EVP_DigestUpdate(h->work, b, b_len)) &&
         EVP_DigestFinal_ex(h->work, out, NULL);
}

#endif /* LEDGER_HASH_USE_EVP */

/* HMAC key schedule (RFC 2104): keys longer than the block are hashed first. */
static void derive_pads(const uint8_t *key, size_t key_len, uint8_t ipad[BLOCK_LEN],
                        uint8_t opad[BLOCK_LEN]) {
  uint8_t k[BLOCK_LEN];
  memset(k, 0, sizeof k);
  if (key_len > BLOCK_LEN) {
    unsigned int n = 0;
    EVP_Digest(key, key_len, k, &n, EVP_sha256(), NULL);
  } else if (key_len) {
    memcpy(k, key, key_len);
  }
  for (int i = 0; i < BLOCK_LEN; i++) {
    ipad[i] = k[i] ^ 0x36;
    opad[i] = k[i] ^ 0x5c;
  }
  OPENSSL_cleanse(k, sizeof k);
}

/* ------------------------------------------------------------------------ */
/* hashBatch                                                                */
/* ------------------------------------------------------------------------ */

static napi_value HashBatch(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 6) {
    napi_throw_type_error(env, "ERR_MISSING_ARGS",
                          "hashBatch(key, prev, nonces, bodies, offsets, stored) "
                          "takes 6 arguments");
    return NULL;
  }

  const uint8_t *key, *prev, *nonces, *bodies, *stored = NULL;
  size_t key_len, prev_len, nonces_len, bodies_len, stored_len = 0;
  if (!get_bytes(env, argv[0], "key", &key, &key_len)) return NULL;
  if (!get_bytes(env, argv[1], "prev", &prev, &prev_len)) return NULL;
  if (!get_bytes(env, argv[2], "nonces", &nonces, &nonces_len)) return NULL;
  if (!get_bytes(env, argv[3], "bodies", &bodies, &bodies_len)) return NULL;

  /* offsets: Uint32Array of n + 1 entries */
  bool is_ta = false;
  napi_typedarray_type otype;
  size_t offsets_count = 0;
  void *optr = NULL;
  NAPI_CALL(env, napi_is_typedarray(env, argv[4], &is_ta));
  if (is_ta) NAPI_CALL(env, napi_get_typedarray_info(env, argv[4], &otype, &offsets_count,
                                                     &optr, NULL, NULL));
  if (!is_ta || otype != napi_uint32_array) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "offsets must be a Uint32Array");
    return NULL;
  }
  const uint32_t *offsets = (const uint32_t *)optr;

  napi_valuetype stype;
  NAPI_CALL(env, napi_typeof(env, argv[5], &stype));
  int verify = !(stype == napi_null || stype == napi_undefined);
  if (verify && !get_bytes(env, argv[5], "stored", &stored, &stored_len)) return NULL;

  if (prev_len != DIGEST_LEN) return (throw_range(env, "prev must be 32 bytes"), NULL);
  if (nonces_len % NONCE_LEN != 0)
    return (throw_range(env, "nonces length must be a multiple of 16"), NULL);
  size_t n = nonces_len / NONCE_LEN;
  if (offsets_count != n + 1)
    return (throw_range(env, "offsets must have (nonces.length / 16) + 1 entries"), NULL);
  for (size_t i = 0; i < n; i++) {
    if (offsets[i] > offsets[i + 1])
      return (throw_range(env, "offsets must be non-decreasing"), NULL);
  }
  if ((size_t)offsets[n] > bodies_len)
    return (throw_range(env, "offsets exceed bodies length"), NULL);
  if (verify && stored_len != (size_t)DIGEST_LEN * n)
    return (throw_range(env, "stored must be 32 * n bytes"), NULL);

  napi_value result;
  void *out_ptr = NULL;
  NAPI_CALL(env, napi_create_buffer(env, 64 * n, &out_ptr, &result));
  uint8_t *out = (uint8_t *)out_ptr;

  hasher h;
  int ok = hasher_init(&h, key, key_len);
  for (size_t i = 0; ok && i < n; i++) {
    const uint8_t *body = bodies + offsets[i];
    size_t body_len = (size_t)(offsets[i + 1] - offsets[i]);
    uint8_t *mac = out + 64 * i;
    const uint8_t *p;
    if (i == 0) p = prev;
    else if (verify) p = stored + DIGEST_LEN * (i - 1);
    else p = out + 64 * (i - 1);
    ok = hasher_hmac(&h, p, nonces + NONCE_LEN * i, body, body_len, mac);
    if (!ok) break;
    const uint8_t *hi = verify ? stored + DIGEST_LEN * i : mac;
    ok = hasher_tagged(&h, 0x00, hi, DIGEST_LEN, body, body_len, mac + DIGEST_LEN);
  }
  hasher_free(&h);
  if (!ok) {
    napi_throw_error(env, NULL, "ledger_hash: OpenSSL digest failure");
    return NULL;
  }
  return result;
}

/* ------------------------------------------------------------------------ */
/* sha256Nodes                                                              */
/* ------------------------------------------------------------------------ */

static napi_value Sha256Nodes(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1) {
    napi_throw_type_error(env, "ERR_MISSING_ARGS", "sha256Nodes(pairs) takes 1 argument");
    return NULL;
  }
  const uint8_t *pairs;
  size_t pairs_len;
  if (!get_bytes(env, argv[0], "pairs", &pairs, &pairs_len)) return NULL;
  if (pairs_len % 64 != 0)
    return (throw_range(env, "pairs length must be a multiple of 64"), NULL);
  size_t m = pairs_len / 64;

  napi_value result;
  void *out_ptr = NULL;
  NAPI_CALL(env, napi_create_buffer(env, DIGEST_LEN * m, &out_ptr, &result));
  uint8_t *out = (uint8_t *)out_ptr;

  hasher h;
  static const uint8_t no_key[1] = {0};
  int ok = hasher_init(&h, no_key, 0);
  for (size_t j = 0; ok && j < m; j++)
    ok = hasher_tagged(&h, 0x01, pairs + 64 * j, 64, NULL, 0, out + DIGEST_LEN * j);
  hasher_free(&h);
  if (!ok) {
    napi_throw_error(env, NULL, "ledger_hash: OpenSSL digest failure");
    return NULL;
  }
  return result;
}

/* ------------------------------------------------------------------------ */

static napi_value Init(napi_env env, napi_value exports) {
  napi_value backend;
#ifdef LEDGER_HASH_USE_EVP
  const char *name = "evp";
#else
  const char *name = "sha256-ctx";
#endif
  napi_property_descriptor props[] = {
      {"hashBatch", NULL, HashBatch, NULL, NULL, NULL, napi_enumerable, NULL},
      {"sha256Nodes", NULL, Sha256Nodes, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_properties(env, exports, 2, props));
  NAPI_CALL(env, napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &backend));
  NAPI_CALL(env, napi_set_named_property(env, exports, "backend", backend));
  NAPI_CALL(env, napi_create_string_utf8(env, OPENSSL_VERSION_TEXT, NAPI_AUTO_LENGTH,
                                         &backend));
  NAPI_CALL(env, napi_set_named_property(env, exports, "opensslHeaders", backend));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
