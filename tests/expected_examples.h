/* expected_examples.h - derived countermeasure lists of the guideline's
 * filled survey examples, WORKED OUT BY HAND from the maps of IV.4.3
 * (seed lines 3212-3553) under the rules of docs/derivation.md section 3,
 * as an independent check of the derivation engine and of the map
 * transcriptions.  Full worksheets: tests/expected_examples.md.
 * Survey files: examples/fig20.xml, examples/case1.xml ... case6.xml.
 *
 * Each list is in the order of derivation.md section 3: viewpoint A, B, C;
 * A-IoT-n / B-IoT-n first by n, then the plain numbers by n; in C by number,
 * own (ク) before del (委).  NULL-terminated.
 *
 * Per-trigger sets used below (hand transcription of IV.4.3, seed line):
 *   A   always: 利用者契約 A-1..A-5 (3217-3222); 構成管理 A-IoT-2 A-5..A-8
 *       (3223-3226); 契約管理 A-9..A-12 (3228-3243); + A-IoT-1 (IV.5 A 構成管理,
 *       3566, no map row).
 *   B1  provide: iot-device B-IoT-1 B-IoT-3 B-1..B-10 (3250-3270) + B-IoT-2
 *       (IV.5, no map row); lan B-IoT-3 B-10 (3271-3275); local-computer B-10
 *       (3276-3278); edge-computer and gateway A-5 B-1 B-11 (3279-3286);
 *       wan B-7 (3287); cloud B-1 B-5 B-6 (3288-3290); embedded-app B-IoT-4
 *       B-12 (3291-3292); application B-13 B-14 B-15 (3294-3295).
 *   B2  recommend: iot-device B-IoT-5 B-IoT-7 B-16..B-23 (3300-3325) + B-IoT-6
 *       (IV.5, no map row); local-computer B-23; edge-computer and gateway
 *       A-5 B-16 B-19 B-23; cloud B-16 B-19 B-20; application B-24 B-25
 *       (3326-3341, component labels slid, restored from B1: see .md).
 *   B3  delegate: a B-IoT-11 B-26 B-28..B-31; b B-30 B-33; c B-33..B-35;
 *       d B-30 B-33; group e-i B-30 B-33 B-36..B-42; j B-33..B-35;
 *       k B-IoT-11 B-26..B-33 (3350-3388).
 *   B4  execute: a B-IoT-8..B-IoT-11 B-43 B-45..B-48 (+B-44, IV.5, no map row);
 *       b B-47 B-50; c B-IoT-8 B-IoT-10 B-50 B-51; d B-47 B-50;
 *       group e-i B-IoT-8 B-IoT-11 B-47 B-50 B-53..B-61; j B-IoT-8 B-50..B-53;
 *       k B-IoT-8..B-IoT-11 B-43 B-45..B-50 (+B-44) (3393-3447).
 *   C1  always C-1-own C-3-own (3454-3456); data-content o adds C-2-own
 *       C-3-own C-4-own C-5-own* C-6-own C-7-own (3457-3473).
 *   C2  delegated role, 見なくても (3485-3497): a C-3; c C-1 C-3; e C-1;
 *       f C-1 C-3; g C-3; h C-3; i C-3.  Delegated and data-content o,
 *       見なければ (3498-3544): a C-3 C-6; b C-2 C-4; c C-2 C-3 C-5* C-6;
 *       d C-2 C-4; e C-2 C-5*; f C-3 C-5*; g C-2 C-3 C-5* C-6 C-7;
 *       h C-3 C-4; i C-3 C-6 C-7; j C-4.  (all "-del")
 *   * C-5 only when an external-data situation is o (notes 3475, 3546).
 */
#ifndef IOTSCOPE_TESTS_EXPECTED_EXAMPLES_H
#define IOTSCOPE_TESTS_EXPECTED_EXAMPLES_H

#include <stddef.h>

/* Fig. 20 (seed 3154-3210): worked by hand from IV.4.3.  64 items
 * (A 14, B 42, C 8).
 * A: all 14 (always).
 * B1: provide iot-device lan local-computer edge-computer gateway wan cloud
 *     application (not embedded-app) -> B-IoT-1 B-IoT-2 B-IoT-3 B-1..B-11
 *     B-13 B-14 B-15 (A-5 from edge/gateway is already in A).
 * B2: nothing recommended.
 * B3: delegate d -> B-30 B-33.
 * B4: execute a b c e f g h i j k (not d) -> a, k bring B-IoT-8..11 B-43
 *     B-44 B-45..B-49; c, j bring B-51 B-52; e-i group B-53..B-61;
 *     b/c/j/k B-50 -> B-IoT-8..B-IoT-11 B-43..B-61.
 * C1: data-content o, no external data -> C-1 C-2 C-3 C-4 C-6 C-7 -own.
 * C2: delegate d (content o) -> C-2-del C-4-del. */
static const char *const expected_fig20[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-1", "B-IoT-2", "B-IoT-3", "B-IoT-8", "B-IoT-9", "B-IoT-10",
    "B-IoT-11", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7", "B-8",
    "B-9", "B-10", "B-11", "B-13", "B-14", "B-15", "B-30", "B-33", "B-43",
    "B-44", "B-45", "B-46", "B-47", "B-48", "B-49", "B-50", "B-51", "B-52",
    "B-53", "B-54", "B-55", "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-2-own", "C-2-del", "C-3-own", "C-4-own", "C-4-del",
    "C-6-own", "C-7-own",
    NULL
};

/* Annex 8 事例 1 運送車・倉庫温度監視・制御サービス (seed 5528-5590): worked by
 * hand from IV.4.3.  64 items (A 14, B 42, C 8), the same list as Fig. 20.
 * The survey differs from Fig. 20 only in execute.i = x (提供なし); the
 * B4 group e-i row is still selected through e f g h, and delegate.i is x,
 * so nothing changes.
 * A: all 14.  B1: as Fig. 20 (all but embedded-app provided).  B2: none.
 * B3: delegate d -> B-30 B-33.  B4: execute a b c e f g h j k ->
 * B-IoT-8..B-IoT-11 B-43..B-61 (B-44 via a/k).
 * C1: content o, no external -> C-1 C-2 C-3 C-4 C-6 C-7 -own.
 * C2: delegate d -> C-2-del C-4-del. */
static const char *const expected_case1[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-1", "B-IoT-2", "B-IoT-3", "B-IoT-8", "B-IoT-9", "B-IoT-10",
    "B-IoT-11", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7", "B-8",
    "B-9", "B-10", "B-11", "B-13", "B-14", "B-15", "B-30", "B-33", "B-43",
    "B-44", "B-45", "B-46", "B-47", "B-48", "B-49", "B-50", "B-51", "B-52",
    "B-53", "B-54", "B-55", "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-2-own", "C-2-del", "C-3-own", "C-4-own", "C-4-del",
    "C-6-own", "C-7-own",
    NULL
};

/* Annex 8 事例 2 不動産向け映像クラウド (seed 5592-5651): worked by hand from
 * IV.4.3.  61 items (A 14, B 36, C 11).
 * A: all 14.
 * B1: provide edge-computer (A-5 B-1 B-11), wan (B-7), cloud (B-1 B-5 B-6),
 *     application (B-13 B-14 B-15).  IoT device not provided: no B-IoT-2.
 * B2: recommend iot-device (B-IoT-5 B-IoT-7 B-16..B-23, + B-IoT-6),
 *     local-computer (B-23).
 * B3: delegate c (B-33 B-34 B-35), d (B-30 B-33).
 * B4: execute e f g h -> group e-i: B-IoT-8 B-IoT-11 B-47 B-50 B-53..B-61.
 *     a, k not run: no B-44.
 * C1: content o, no external -> C-1 C-2 C-3 C-4 C-6 C-7 -own.
 * C2: delegate c: 見なくても C-1 C-3, 見なければ C-2 C-3 C-6 (C-5 dropped,
 *     no external); delegate d: C-2 C-4 -> C-1 C-2 C-3 C-4 C-6 -del. */
static const char *const expected_case2[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-5", "B-IoT-6", "B-IoT-7", "B-IoT-8", "B-IoT-11", "B-1", "B-5",
    "B-6", "B-7", "B-11", "B-13", "B-14", "B-15", "B-16", "B-17", "B-18",
    "B-19", "B-20", "B-21", "B-22", "B-23", "B-30", "B-33", "B-34", "B-35",
    "B-47", "B-50", "B-53", "B-54", "B-55", "B-56", "B-57", "B-58", "B-59",
    "B-60", "B-61",
    "C-1-own", "C-1-del", "C-2-own", "C-2-del", "C-3-own", "C-3-del",
    "C-4-own", "C-4-del", "C-6-own", "C-6-del", "C-7-own",
    NULL
};

/* Annex 8 事例 3 工作機械の遠隔状態監視 (seed 5653-5713): worked by hand from
 * IV.4.3.  34 items (A 14, B 18, C 2).
 * A: all 14.
 * B1: provide cloud only -> B-1 B-5 B-6.  B2: none.
 * B3: delegate d -> B-30 B-33.
 * B4: execute e f h -> group e-i: B-IoT-8 B-IoT-11 B-47 B-50 B-53..B-61
 *     (the group row brings the analysis-application items B-58 B-61 even
 *     though g is x: derivation.md's "any role of the group").
 * C1: data-content x -> only 見なくても: C-1-own C-3-own.
 * C2: delegate d has no 見なくても row; data-content x -> nothing. */
static const char *const expected_case3[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-8", "B-IoT-11", "B-1", "B-5", "B-6", "B-30", "B-33", "B-47",
    "B-50", "B-53", "B-54", "B-55", "B-56", "B-57", "B-58", "B-59", "B-60",
    "B-61",
    "C-1-own", "C-3-own",
    NULL
};

/* Annex 8 事例 4 スマートメーターからのデータ集約 (seed 5715-5771): worked by
 * hand from IV.4.3.  47 items (A 14, B 31, C 2).
 * A: all 14.
 * B1: provide lan (B-IoT-3 B-10), gateway (A-5 B-1 B-11), wan (B-7),
 *     cloud (B-1 B-5 B-6).
 * B2: recommend iot-device (B-IoT-5 B-IoT-7 B-16..B-23, + B-IoT-6),
 *     local-computer (B-23).
 * B3: nothing delegated.
 * B4: execute b (B-47 B-50), d (B-47 B-50), e f -> group e-i: B-IoT-8
 *     B-IoT-11 B-47 B-50 B-53..B-61.
 * C1: data-content x -> C-1-own C-3-own.  C2: nothing delegated. */
static const char *const expected_case4[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-3", "B-IoT-5", "B-IoT-6", "B-IoT-7", "B-IoT-8", "B-IoT-11",
    "B-1", "B-5", "B-6", "B-7", "B-10", "B-11", "B-16", "B-17", "B-18",
    "B-19", "B-20", "B-21", "B-22", "B-23", "B-47", "B-50", "B-53", "B-54",
    "B-55", "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-3-own",
    NULL
};

/* Annex 8 事例 5 認知症対応型 IoT サービス (seed 5773-5833): worked by hand
 * from IV.4.3.  56 items (A 14, B 33, C 9).
 * A: all 14.
 * B1: provide wan (B-7), cloud (B-1 B-5 B-6), application (B-13 B-14 B-15).
 * B2: recommend iot-device (B-IoT-5 B-IoT-7 B-16..B-23, + B-IoT-6),
 *     local-computer (B-23).
 * B3: delegate d -> B-30 B-33.
 * B4: execute e f g h i -> group e-i: B-IoT-8 B-IoT-11 B-47 B-50 B-53..B-61.
 * C1: content o and external.acquire-wan o (note 5833) -> C-1..C-7 -own,
 *     C-5-own included.
 * C2: delegate d -> C-2-del C-4-del (d has no C-5 row, so no C-5-del). */
static const char *const expected_case5[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-5", "B-IoT-6", "B-IoT-7", "B-IoT-8", "B-IoT-11", "B-1", "B-5",
    "B-6", "B-7", "B-13", "B-14", "B-15", "B-16", "B-17", "B-18", "B-19",
    "B-20", "B-21", "B-22", "B-23", "B-30", "B-33", "B-47", "B-50", "B-53",
    "B-54", "B-55", "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-2-own", "C-2-del", "C-3-own", "C-4-own", "C-4-del",
    "C-5-own", "C-6-own", "C-7-own",
    NULL
};

/* Annex 8 事例 6 ハウス環境の遠隔自動制御 (seed 5836-5897): worked by hand from
 * IV.4.3.  64 items (A 14, B 42, C 8), the same list as Fig. 20.
 * A: all 14.
 * B1: provide iot-device lan local-computer edge-computer wan cloud
 *     application (not gateway, not embedded-app) -> B-IoT-1 B-IoT-2
 *     B-IoT-3 B-1..B-11 B-13 B-14 B-15 (gateway's set A-5 B-1 B-11 is
 *     also edge-computer's, so gateway x loses nothing).
 * B2: none.
 * B3: delegate b (B-30 B-33), d (B-30 B-33).
 * B4: execute a c e f g h j k -> a/k B-IoT-8..11 B-43..B-49 (B-44 via a/k),
 *     c/j B-50 B-51 B-52 B-53, group e-i B-53..B-61 -> B-IoT-8..11 B-43..B-61.
 * C1: content o, no external -> C-1 C-2 C-3 C-4 C-6 C-7 -own.
 * C2: delegate b (見なければ C-2 C-4), d (C-2 C-4) -> C-2-del C-4-del.
 *     (Seed 3514-3516 carry no role label; they are 前処理's rows, per IV.5
 *     C②, which lists only C-2-委 and C-4-委 for ローカル伝送.  Read as b's,
 *     they would wrongly add C-3-del C-6-del here.) */
static const char *const expected_case6[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-1", "B-IoT-2", "B-IoT-3", "B-IoT-8", "B-IoT-9", "B-IoT-10",
    "B-IoT-11", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7", "B-8",
    "B-9", "B-10", "B-11", "B-13", "B-14", "B-15", "B-30", "B-33", "B-43",
    "B-44", "B-45", "B-46", "B-47", "B-48", "B-49", "B-50", "B-51", "B-52",
    "B-53", "B-54", "B-55", "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-2-own", "C-2-del", "C-3-own", "C-4-own", "C-4-del",
    "C-6-own", "C-7-own",
    NULL
};

/* Every answerable cell x (provide.* recommend.* delegate.* execute.*
 * data-content external.*): only what is always in scope.  16 items
 * (A 14, B 0, C 2).
 * A: all 14 (fixed o roles 利用者契約, 構成管理, 契約管理; A-IoT-1 always).
 * B: nothing provided, recommended, delegated or run: none (B-IoT-2,
 *    B-IoT-6, B-44 need provide/recommend iot-device or execute a/k).
 * C1: 見なくても section always -> C-1-own C-3-own.  C2: nothing delegated. */
static const char *const expected_all_x[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "C-1-own", "C-3-own",
    NULL
};

/* Every cell o (including data-content and all four external situations):
 * every countermeasure of IV.5.  100 items (A 14, B 72, C 14).
 * A: all 14.  B1 (all 9 components): B-IoT-1..4 B-1..B-15.
 * B2 (all 6): B-IoT-5..7 B-16..B-25.  B3 (all roles delegated): B-IoT-11
 * B-26..B-42.  B4 (all run): B-IoT-8..11 B-43..B-61.
 * C1: C-1..C-7 -own (C-5 via external).  C2: C-1..C-7 -del (C-5 via
 * c/e/f/g, C-7 via g/i). */
static const char *const expected_all_o[] = {
    "A-IoT-1", "A-IoT-2", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
    "A-8", "A-9", "A-10", "A-11", "A-12",
    "B-IoT-1", "B-IoT-2", "B-IoT-3", "B-IoT-4", "B-IoT-5", "B-IoT-6",
    "B-IoT-7", "B-IoT-8", "B-IoT-9", "B-IoT-10", "B-IoT-11",
    "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7", "B-8", "B-9", "B-10",
    "B-11", "B-12", "B-13", "B-14", "B-15", "B-16", "B-17", "B-18", "B-19",
    "B-20", "B-21", "B-22", "B-23", "B-24", "B-25", "B-26", "B-27", "B-28",
    "B-29", "B-30", "B-31", "B-32", "B-33", "B-34", "B-35", "B-36", "B-37",
    "B-38", "B-39", "B-40", "B-41", "B-42", "B-43", "B-44", "B-45", "B-46",
    "B-47", "B-48", "B-49", "B-50", "B-51", "B-52", "B-53", "B-54", "B-55",
    "B-56", "B-57", "B-58", "B-59", "B-60", "B-61",
    "C-1-own", "C-1-del", "C-2-own", "C-2-del", "C-3-own", "C-3-del",
    "C-4-own", "C-4-del", "C-5-own", "C-5-del", "C-6-own", "C-6-del",
    "C-7-own", "C-7-del",
    NULL
};

#endif /* IOTSCOPE_TESTS_EXPECTED_EXAMPLES_H */
