;; The search index's hot loop: how many bits two bitsets share, with 128-bit SIMD.
;; Assembled by scripts/build-popcount-kernel.mjs into popcount-wasm.ts (npm run build:kernel).
(module
  (import "env" "memory" (memory 1))
  ;; The bits set in both of the `bytes` bytes at $a and at $b (`bytes` a multiple of 16).
  ;; Per-byte counts add up in 8-bit lanes for 31 steps (at most 248), then widen into 32-bit lanes.
  (func (export "countShared") (param $a i32) (param $b i32) (param $bytes i32) (result i32)
    (local $i i32) (local $stop i32) (local $small v128) (local $acc v128)
    (block $done
      (loop $chunks
        (br_if $done (i32.ge_u (local.get $i) (local.get $bytes)))
        (local.set $stop (i32.add (local.get $i) (i32.const 496)))
        (if (i32.gt_u (local.get $stop) (local.get $bytes)) (then (local.set $stop (local.get $bytes))))
        (local.set $small (v128.const i32x4 0 0 0 0))
        (loop $steps
          (local.set $small
            (i8x16.add (local.get $small)
              (i8x16.popcnt
                (v128.and
                  (v128.load (i32.add (local.get $a) (local.get $i)))
                  (v128.load (i32.add (local.get $b) (local.get $i)))))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $steps (i32.lt_u (local.get $i) (local.get $stop))))
        (local.set $acc
          (i32x4.add (local.get $acc)
            (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $small)))))
        (br $chunks)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
)
