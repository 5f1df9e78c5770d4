/*
 * The checks of `java -jar holdfast.jar verify-bundle`, in the browser with its own cryptography
 * (WebCrypto's SHA-256 and Ed25519): every entry's chain hash from its canonical JSON, every
 * inclusion proof (RFC 9162) against the checkpoint, the checkpoint's signed note (C2SP), the key
 * chain from the key held, and, given an earlier checkpoint, the consistency proof. It reads only
 * what it is handed and sends nothing anywhere. Each failure reads as the command line's does.
 */
"use strict";
var HoldfastVerify = (function () {
  var DASH = "\u2014";
  var GENESIS = "0".repeat(64);
  var HASHED_FIELDS = ["actor", "agency", "caseId", "correlationId", "eventId", "globalIndex", "metadata",
    "occurredAt", "payload", "payloadType", "revision", "role", "sequence", "type"];

  function Invalid(message) { this.message = message; }

  /* ---- JSON read with every number kept as written, and every key of an object in order ---- */

  function Num(text) { this.text = text; }
  function Obj(pairs) { this.pairs = pairs; }
  Obj.prototype.get = function (key) {
    for (var i = this.pairs.length - 1; i >= 0; i--) if (this.pairs[i][0] === key) return this.pairs[i][1];
    return undefined;
  };

  function parse(text) {
    var at = 0;
    function fail(what) { throw new Error("not JSON: " + what + " at character " + at); }
    function space() { while (at < text.length && " \t\n\r".indexOf(text[at]) >= 0) at++; }
    function value() {
      space();
      var c = text[at];
      if (c === "{") return object();
      if (c === "[") return array();
      if (c === "\"") return string();
      if (c === "-" || (c >= "0" && c <= "9")) return number();
      if (text.startsWith("true", at)) { at += 4; return true; }
      if (text.startsWith("false", at)) { at += 5; return false; }
      if (text.startsWith("null", at)) { at += 4; return null; }
      return fail("unexpected character");
    }
    function object() {
      at++; var pairs = []; space();
      if (text[at] === "}") { at++; return new Obj(pairs); }
      for (;;) {
        space(); if (text[at] !== "\"") fail("a key expected");
        var key = string(); space();
        if (text[at] !== ":") fail("':' expected"); at++;
        pairs.push([key, value()]); space();
        if (text[at] === ",") { at++; continue; }
        if (text[at] === "}") { at++; return new Obj(pairs); }
        fail("',' or '}' expected");
      }
    }
    function array() {
      at++; var items = []; space();
      if (text[at] === "]") { at++; return items; }
      for (;;) {
        items.push(value()); space();
        if (text[at] === ",") { at++; continue; }
        if (text[at] === "]") { at++; return items; }
        fail("',' or ']' expected");
      }
    }
    function string() {
      at++; var out = "";
      for (;;) {
        if (at >= text.length) fail("unterminated string");
        var c = text[at++];
        if (c === "\"") return out;
        if (c !== "\\") { out += c; continue; }
        var e = text[at++];
        if (e === "u") { var code = text.substr(at, 4); if (!/^[0-9a-fA-F]{4}$/.test(code)) fail("bad escape"); out += String.fromCharCode(parseInt(code, 16)); at += 4; }
        else if ("\"\\/".indexOf(e) >= 0) out += e;
        else if (e === "n") out += "\n"; else if (e === "r") out += "\r"; else if (e === "t") out += "\t";
        else if (e === "b") out += "\b"; else if (e === "f") out += "\f"; else fail("bad escape");
      }
    }
    function number() {
      var match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
      if (!match) fail("bad number");
      at += match[0].length;
      return new Num(match[0]);
    }
    var result = value(); space();
    if (at !== text.length) fail("text after the value");
    return result;
  }

  /* ---- the canonical form (ledger's CanonicalJson) ---- */

  function plainDecimal(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
    var digits = (m[2] + (m[3] || "")).replace(/^0+(?=\d)/, "");
    var scale = (m[3] || "").length - Number(m[4] || 0);
    var zero = /^0+$/.test(digits);
    var out;
    if (scale <= 0) out = zero ? "0" : digits + "0".repeat(-scale);
    else { var padded = digits.padStart(scale + 1, "0"); out = padded.slice(0, padded.length - scale) + "." + padded.slice(padded.length - scale); }
    return (m[1] && !zero ? "-" : "") + out;
  }

  function canonicalString(text) {
    var out = "\"";
    for (var i = 0; i < text.length; i++) {
      var c = text[i], code = text.charCodeAt(i);
      if (c === "\"") out += "\\\""; else if (c === "\\") out += "\\\\";
      else if (c === "\n") out += "\\n"; else if (c === "\r") out += "\\r"; else if (c === "\t") out += "\\t";
      else if (c === "\b") out += "\\b"; else if (c === "\f") out += "\\f";
      else if (code < 0x20) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += c;
    }
    return out + "\"";
  }

  function canonical(value) {
    if (value === null || value === undefined) return "null";
    if (value === true) return "true";
    if (value === false) return "false";
    if (typeof value === "string") return canonicalString(value);
    if (value instanceof Num) {
      if (/^-?\d+$/.test(value.text)) return value.text === "-0" ? "0" : value.text;
      return canonicalString(plainDecimal(value.text));
    }
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    var sorted = value.pairs.map(function (pair, i) { return { key: pair[0], value: pair[1], i: i }; })
      .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i; });
    var kept = sorted.filter(function (member, i) { return i + 1 >= sorted.length || sorted[i + 1].key !== member.key; });
    return "{" + kept.map(function (member) { return canonicalString(member.key) + ":" + canonical(member.value); }).join(",") + "}";
  }

  function entryCanonical(entry) {
    return canonical(new Obj(HASHED_FIELDS.map(function (field) {
      var value = entry instanceof Obj ? entry.get(field) : undefined;
      return [field, value === undefined ? null : value];
    })));
  }

  /* ---- reading values as the command line's JSON reader does ---- */

  function path(node, key) { return node instanceof Obj ? node.get(key) : undefined; }
  function asText(node) {
    if (node === undefined) return "";
    if (node === null) return "null";
    if (node instanceof Num) return /^-?\d+$/.test(node.text) ? String(BigInt(node.text)) : node.text;
    if (typeof node === "string") return node;
    if (typeof node === "boolean") return String(node);
    return "";
  }
  function asLong(node, otherwise) {
    var fallback = otherwise === undefined ? 0 : otherwise;
    if (node instanceof Num) return Math.trunc(Number(node.text));
    if (typeof node === "string") return /^\s*[-+]?\d+\s*$/.test(node) ? Number(node.trim()) : fallback;
    if (typeof node === "boolean") return node ? 1 : 0;
    return fallback;
  }
  function hasNonNull(node, key) { var v = path(node, key); return v !== undefined && v !== null; }
  function elements(node) { return Array.isArray(node) ? node : node instanceof Obj ? node.pairs.map(function (p) { return p[1]; }) : []; }

  /* ---- bytes ---- */

  function utf8(text) { return new TextEncoder().encode(text); }
  function hex(bytes) { return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join(""); }
  function unhex(text) {
    if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new Error("not hex: " + text);
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(i * 2, 2), 16);
    return out;
  }
  function base64(text) {
    var binary = atob(text);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  function concat() {
    var total = 0, i;
    for (i = 0; i < arguments.length; i++) total += arguments[i].length;
    var out = new Uint8Array(total), at = 0;
    for (i = 0; i < arguments.length; i++) { out.set(arguments[i], at); at += arguments[i].length; }
    return out;
  }
  function equal(a, b) { if (a.length !== b.length) return false; for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false; return true; }
  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)); }
  async function leafHash(data) { return sha256(concat(new Uint8Array([0]), data)); }
  async function nodeHash(left, right) { return sha256(concat(new Uint8Array([1]), left, right)); }

  /* ---- RFC 9162 §2.1.3.2 and §2.1.4.2, with arithmetic in place of 32-bit bit operations ---- */

  function odd(n) { return n % 2 === 1; }
  function half(n) { return Math.floor(n / 2); }
  function powerOfTwo(n) { while (n > 1 && n % 2 === 0) n /= 2; return n === 1; }

  async function verifyInclusion(index, size, leaf, proofPath, root) {
    if (index < 0 || index >= size) return false;
    var fn = index, sn = size - 1, r = leaf;
    for (var i = 0; i < proofPath.length; i++) {
      var p = proofPath[i];
      if (sn === 0) return false;
      if (odd(fn) || fn === sn) {
        r = await nodeHash(p, r);
        if (!odd(fn)) while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
      } else {
        r = await nodeHash(r, p);
      }
      fn = half(fn); sn = half(sn);
    }
    return sn === 0 && equal(r, root);
  }

  async function verifyConsistency(from, to, fromRoot, toRoot, proof) {
    if (from < 1 || from > to) return false;
    if (from === to) return proof.length === 0 && equal(fromRoot, toRoot);
    var proofPath = proof.slice();
    if (powerOfTwo(from)) proofPath.unshift(fromRoot);
    if (proofPath.length === 0) return false;
    var fn = from - 1, sn = to - 1;
    while (odd(fn)) { fn = half(fn); sn = half(sn); }
    var fr = proofPath[0], sr = proofPath[0];
    for (var i = 1; i < proofPath.length; i++) {
      var c = proofPath[i];
      if (sn === 0) return false;
      if (odd(fn) || fn === sn) {
        fr = await nodeHash(c, fr); sr = await nodeHash(c, sr);
        if (!odd(fn)) while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
      } else {
        sr = await nodeHash(sr, c);
      }
      fn = half(fn); sn = half(sn);
    }
    return sn === 0 && equal(fr, fromRoot) && equal(sr, toRoot);
  }

  /* ---- keys and signed notes (c2sp.org/signed-note, the ledger's LedgerKey and Checkpoint) ---- */

  async function keyOf(keyName, raw) {
    var id = (await sha256(concat(utf8(keyName), utf8("\n"), new Uint8Array([1]), raw))).slice(0, 4);
    var key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    return { keyName: keyName, raw: raw, keyId: id, key: key,
      signerId: keyName + "+" + hex(id), verifierKey: keyName + "+" + hex(id) + "+" + btoa(String.fromCharCode.apply(null, concat(new Uint8Array([1]), raw))) };
  }

  async function fromVerifierKey(text) {
    var trimmed = text.trim(), first = trimmed.indexOf("+"), second = trimmed.indexOf("+", first + 1);
    if (first < 0 || second < 0) throw new Error("a verifier key reads <name>+<key id>+<key>");
    var typed = base64(trimmed.slice(second + 1));
    if (typed.length !== 33 || typed[0] !== 1) throw new Error("the verifier key is not an Ed25519 key");
    var key = await keyOf(trimmed.slice(0, first), typed.slice(1));
    if (hex(key.keyId) !== trimmed.slice(first + 1, second)) throw new Error("the verifier key's id does not match its name and key");
    return key;
  }

  async function readPublic(keyName, pem) {
    var match = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem);
    if (!match) throw new Error("not a public key PEM file");
    var der = base64(match[1].replace(/\s+/g, ""));
    if (der.length !== 44 || hex(der.slice(0, 12)) !== "302a300506032b6570032100") throw new Error("not an Ed25519 public key");
    return keyOf(keyName, der.slice(12));
  }

  function javaSplit(text, separator) {
    var parts = text.split(separator);
    while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    return parts;
  }

  async function verifiedNote(note, key) {
    var split = note.indexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) throw new Invalid("the note has no blank line between its body and its signatures");
    var body = note.substring(0, split + 1), lines = body.split("\n");
    if (lines.length < 4 || lines[lines.length - 1] !== "") throw new Invalid("the body is not origin, tree size and root hash, one per line");
    var treeSize, root;
    try {
      if (!/^[-+]?\d+$/.test(lines[1])) throw new Error();
      treeSize = Number(lines[1]);
      root = base64(lines[2]);
    } catch (unreadable) {
      throw new Invalid("the tree size or root hash cannot be read");
    }
    if (treeSize < 0 || root.length !== 32 || lines[1] !== String(treeSize)) throw new Invalid("the tree size or root hash is malformed");
    var signatures = javaSplit(note.substring(split + 2), "\n");
    for (var i = 0; i < signatures.length; i++) {
      var parts = javaSplit(signatures[i], " ");
      if (parts.length !== 3 || parts[0] !== DASH || parts[1] !== key.keyName) continue;
      var signed = base64(parts[2]);
      if (signed.length === 68 && equal(signed.slice(0, 4), key.keyId)
          && await crypto.subtle.verify({ name: "Ed25519" }, key.key, signed.slice(4), utf8(body))) {
        return { origin: lines[0], treeSize: treeSize, rootHash: root, rootHex: hex(root) };
      }
    }
    throw new Invalid("no signature of " + key.keyName + " over the note's body verifies");
  }

  function nextKey(note) {
    var split = note.indexOf("\n\n");
    if (split < 0) return null;
    var lines = javaSplit(note.substring(0, split), "\n");
    for (var i = 3; i < lines.length; i++) if (lines[i].startsWith("next-key ")) return lines[i].substring(9);
    return null;
  }

  async function signs(note, key) { try { await verifiedNote(note, key); return true; } catch (e) { if (e instanceof Invalid) return false; throw e; } }

  async function followKeys(held, links) {
    var trusted = [held], failures = [], start = -1, i;
    for (i = 0; i < links.length; i++) if ((await fromVerifierKey(links[i].verifierKey)).signerId === held.signerId) start = i;
    if (start < 0) {
      if (links.length > 0) failures.push("the key held (" + held.signerId + ") is not one of the ledger's keys");
      return { trusted: trusted, failures: failures };
    }
    var current = held;
    for (i = start + 1; i < links.length; i++) {
      var next = await fromVerifierKey(links[i].verifierKey), introduction = links[i].introduction, failure = null;
      if (introduction === null || nextKey(introduction) !== next.verifierKey) failure = "was not introduced by a checkpoint naming it";
      else if (!await signs(introduction, next)) failure = "did not sign the checkpoint that introduced it";
      else if (!await signs(introduction, current)) failure = "was introduced without the signature of the key before it: the operator says the"
        + " old key was lost; obtain the new key from them and verify with it";
      if (failure) { failures.push("the key " + next.signerId + " " + failure); break; }
      trusted.push(next);
      current = next;
    }
    return { trusted: trusted, failures: failures };
  }

  async function verifiedByAny(note, keys) {
    var last = null;
    for (var i = keys.trusted.length - 1; i >= 0; i--) {
      try { return await verifiedNote(note, keys.trusted[i]); } catch (e) { if (!(e instanceof Invalid)) throw e; last = last || e; }
    }
    throw last;
  }

  function links(keysNode) {
    return elements(keysNode).map(function (key) {
      return { verifierKey: asText(path(key, "verifierKey")), introduction: hasNonNull(key, "introduction") ? asText(path(key, "introduction")) : null };
    });
  }

  /* ---- the bundle ---- */

  async function inclusion(where, entry, proof, checkpoint, failures) {
    var leaf;
    try { leaf = await leafHash(unhex(asText(path(entry, "hash")))); }
    catch (e) { failures.push(where + ": its hash or proof is not hex: " + e.message); return; }
    if (hex(leaf) !== asText(path(proof, "leafHash"))) { failures.push(where + ": the proof is for another leaf"); return; }
    var auditPath;
    try { auditPath = elements(path(proof, "auditPath")).map(function (h) { return unhex(asText(h)); }); }
    catch (e) { failures.push(where + ": its hash or proof is not hex: " + e.message); return; }
    if (asLong(path(proof, "treeSize")) !== checkpoint.treeSize
        || !await verifyInclusion(asLong(path(entry, "ledgerIndex")), checkpoint.treeSize, leaf, auditPath, checkpoint.rootHash)) {
      failures.push(where + ": its inclusion proof does not lead to the checkpoint's root");
    }
  }

  async function consistency(proof, earlierNote, keys, checkpoint, failures) {
    var before;
    try { before = await verifiedByAny(earlierNote, keys); }
    catch (e) { if (!(e instanceof Invalid)) throw e; failures.push("the earlier checkpoint: " + e.message); return; }
    if (before.treeSize === checkpoint.treeSize) {
      if (before.rootHex !== checkpoint.rootHex) failures.push("the earlier checkpoint has the same size and another root: the ledger was rewritten");
      return;
    }
    if (proof === undefined || asLong(path(proof, "from")) !== before.treeSize || asLong(path(proof, "to")) !== checkpoint.treeSize) {
      failures.push("the bundle holds no consistency proof from " + before.treeSize + " to " + checkpoint.treeSize);
      return;
    }
    var hashes = elements(path(proof, "proof")).map(function (h) { return unhex(asText(h)); });
    if (!await verifyConsistency(before.treeSize, checkpoint.treeSize, before.rootHash, checkpoint.rootHash, hashes)) {
      failures.push("the ledger of the earlier checkpoint is not a prefix of this one: the ledger was rewritten");
    }
  }

  /**
   * Every way the bundle fails to prove itself (empty when it proves itself), and what was checked.
   * bundleText: the bundle as downloaded; trustedKey: a public key PEM or a verifier key; earlierNote: optional.
   */
  async function verify(bundleText, trustedKey, earlierNote) {
    var bundle = parse(bundleText), failures = [];
    var publicKey = path(bundle, "publicKey");
    var key = trustedKey.indexOf("-----BEGIN") >= 0 ? await readPublic(asText(path(publicKey, "keyName")), trustedKey) : await fromVerifierKey(trustedKey);
    var keys = await followKeys(key, links(path(publicKey, "keys")));
    var checkpoint;
    try {
      checkpoint = await verifiedByAny(asText(path(path(bundle, "checkpoint"), "note")), keys);
    } catch (invalid) {
      if (!(invalid instanceof Invalid)) throw invalid;
      failures.push("the checkpoint: " + invalid.message);
      return { failures: failures.concat(keys.failures), entries: 0 };
    }
    var stated = path(bundle, "checkpoint");
    if (asLong(path(stated, "treeSize")) !== checkpoint.treeSize || asText(path(stated, "rootHash")) !== checkpoint.rootHex) {
      failures.push("the checkpoint's tree size or root hash differs from its signed note");
    }
    var proofs = {};
    elements(path(bundle, "inclusionProofs")).forEach(function (proof) { proofs[asLong(path(proof, "ledgerIndex"))] = proof; });
    var previousHash = GENESIS, sequence = 0, entries = elements(path(bundle, "entries"));
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i], where = "entry " + asText(path(entry, "sequence"));
      if (asLong(path(entry, "sequence"), -1) !== sequence) failures.push(where + ": expected sequence " + sequence + "; an entry is missing or out of place");
      if (previousHash !== asText(path(entry, "previousHash"))) failures.push(where + ": does not chain to the entry before it");
      var hash = hex(await sha256(utf8(previousHash + entryCanonical(entry))));
      if (hash !== asText(path(entry, "hash"))) failures.push(where + ": its content does not match its hash");
      var proof = proofs[asLong(path(entry, "ledgerIndex"), -1)];
      if (proof === undefined || !hasNonNull(entry, "ledgerIndex")) failures.push(where + ": no inclusion proof for its ledger index");
      else await inclusion(where, entry, proof, checkpoint, failures);
      previousHash = asText(path(entry, "hash"));
      sequence++;
    }
    if (earlierNote) await consistency(path(bundle, "consistencyProof"), earlierNote, keys, checkpoint, failures);
    return { failures: failures, entries: entries.length, caseId: asText(path(path(bundle, "case"), "caseId")),
      treeSize: checkpoint.treeSize, keyName: asText(path(publicKey, "keyName")) };
  }

  return { verify: verify, canonical: function (text) { return canonical(parse(text)); } };
})();
