/**
 * Builds prototype-less records that V8 keeps in fast mode: `Object.create(null)` objects start
 * in dictionary mode, slower to write and read on hot paths (router method tables, query maps).
 * With no prototype, keys such as `__proto__` or `constructor` are plain own keys.
 */
export const NullProtoRecord = function NullProtoRecord() {} as unknown as new <V>() => Record<string, V>
NullProtoRecord.prototype = Object.freeze(Object.create(null))
