/// The public corpora's gold (seeds, dev, dev2): actor groups, arrival order, gold stances in
/// text order and gold alerts, copied from their gold.json and watchlist.yaml (evidence left
/// out) so the alert rules can be checked against the whole gold without /work/shared.
enum GoldCorpora {
    struct Corpus {
        var name: String
        /// actor id → group (actors without a group are absent)
        var groups: [String: String]
        var actors: [String]
        /// article, actor, topic, stance, stated — per article in arrival order
        var articles: [(name: String, stances: [(String, String, String, String)])]
        /// "kind actor topic from>to article other|-"
        var alerts: [String]
    }

    static let all: [Corpus] = [
        Corpus(
            name: "seeds",
            groups: ["tokayev": "kazakhstan", "sarym": "kazakhstan"],
            actors: ["tokayev", "sarym"],
            articles: [
                ("000_5c49a9c33680695c.txt", [
                    ("sarym", "kz-mediator", "pro", "2025-09-22"),
                    ("sarym", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-mediator", "contra", "2025-01-01"),
                ]),
                ("002_a79a80be541b1d91.txt", [
                    ("sarym", "kz-mediator", "pro", "2025-09-22"),
                    ("sarym", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-venue", "pro", "2025-09-22"),
                ]),
                ("001_fa40498c7c5f6522.txt", [
                    ("tokayev", "kz-mediator", "contra", "2025-09-24"),
                    ("tokayev", "kz-venue", "pro", "2025-09-24"),
                    ("tokayev", "settlement-prospects", "contra", "2025-09-24"),
                ]),
                ("003_c6bafed80c9d2d07.txt", [
                    ("tokayev", "kz-venue", "pro", "2025-11-08"),
                    ("tokayev", "settlement-prospects", "pro", "2025-11-08"),
                    ("tokayev", "settlement-prospects", "contra", "2025-09-01"),
                    ("tokayev", "kz-mediator", "contra", "2025-09-01"),
                ]),
                ("004_3c6dd68e0fab39f4.txt", [
                    ("tokayev", "kz-venue", "pro", "2025-12-23"),
                    ("tokayev", "kz-mediator", "contra", "2025-12-23"),
                ]),
            ],
            alerts: [
                "shift tokayev settlement-prospects contra>pro 003_c6bafed80c9d2d07.txt -",
                "divergence tokayev kz-mediator pro>contra 001_fa40498c7c5f6522.txt sarym",
            ]),
        Corpus(
            name: "dev",
            groups: ["tokayev": "kazakhstan", "sarym": "kazakhstan", "erdogan": "turkey", "fidan": "turkey", "peskov": "russia", "lavrov": "russia", "garmonin": "russia", "pope-leo": "vatican", "pope-francis": "vatican", "parolin": "vatican", "cassis": "switzerland", "orban": "hungary", "lukashenko": "belarus", "cbr": "russia-econ", "reshetnikov": "russia-econ"],
            actors: ["tokayev", "sarym", "erdogan", "fidan", "peskov", "lavrov", "garmonin", "pope-leo", "pope-francis", "parolin", "cassis", "orban", "lukashenko", "cbr", "reshetnikov"],
            articles: [
                ("005_36da341cc77647e1.txt", [("cbr", "key-rate-easing", "contra", "2021-09-10")]),
                ("015_5a441ee64a17af2c.txt", [
                    ("erdogan", "tr-venue", "pro", "2022-05-30"),
                    ("erdogan", "tr-mediator", "pro", "2022-05-30"),
                ]),
                ("006_d8c44d87723fc6a5.txt", [("cbr", "key-rate-easing", "pro", "2022-04-29")]),
                ("038_be737f6e08ac70a1.txt", [("pope-francis", "vatican-mediator", "pro", "2022-11-18")]),
                ("007_4ec321c482ef7791.txt", []),
                ("027_b5a0782576fbd5be.txt", [
                    ("cassis", "ch-venue", "pro", "2023-02-23"),
                    ("cassis", "ch-mediator", "pro", "2023-02-23"),
                ]),
                ("013_209c73c190a4cca7.txt", [("cbr", "key-rate-easing", "contra", "2023-07-21")]),
                ("026_f6f5e5b2e5aadc94.txt", [
                    ("peskov", "tr-mediator", "contra", "2024-07-04"),
                    ("erdogan", "tr-mediator", "pro", "2024-07-04"),
                    ("erdogan", "settlement-prospects", "pro", "2024-07-04"),
                ]),
                ("029_22d5376fee2861d9.txt", [("cbr", "key-rate-easing", "contra", "2024-12-20")]),
                ("008_b32832cbdcde0d1b.txt", [("cbr", "key-rate-easing", "contra", "2024-10-25")]),
                ("010_ea5b333e5689fabd.txt", [("pope-leo", "vatican-mediator", "pro", "2025-05-14")]),
                ("040_ce7ac0907024ed3d.txt", [
                    ("erdogan", "tr-venue", "pro", "2025-05-11"),
                    ("erdogan", "settlement-prospects", "pro", "2025-05-11"),
                ]),
                ("037_30e7167f88e8e720.txt", [
                    ("pope-leo", "vatican-venue", "pro", "2025-05-16"),
                    ("parolin", "vatican-venue", "pro", "2025-05-16"),
                    ("parolin", "settlement-prospects", "contra", "2025-05-16"),
                ]),
                ("034_613bd47883026d95.txt", [
                    ("peskov", "vatican-venue", "pro", "2025-05-21"),
                    ("pope-leo", "vatican-venue", "pro", "2025-05-21"),
                ]),
                ("043_c26be6b2360ccee8.txt", [("lavrov", "vatican-venue", "contra", "2025-05-23")]),
                ("016_3f384d671b0a1cdb.txt", [("cassis", "ch-venue", "pro", "2025-08-19")]),
                ("032_bc806e42e78a52dc.txt", [("reshetnikov", "key-rate-easing", "pro", "2025-09-04")]),
                ("021_5efdb3e2f61841ac.txt", [("pope-leo", "vatican-mediator", "contra", "2025-09-14")]),
                ("028_2d08666a0957e6c9.txt", [("cbr", "key-rate-easing", "pro", "2025-09-12")]),
                ("000_5c49a9c33680695c.txt", [
                    ("sarym", "kz-mediator", "pro", "2025-09-22"),
                    ("sarym", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-mediator", "contra", "2025-01-01"),
                ]),
                ("002_a79a80be541b1d91.txt", [
                    ("sarym", "kz-mediator", "pro", "2025-09-22"),
                    ("sarym", "kz-venue", "pro", "2025-09-22"),
                    ("tokayev", "kz-venue", "pro", "2025-09-22"),
                ]),
                ("022_7b08d53ce229f4dc.txt", [
                    ("erdogan", "settlement-prospects", "contra", "2025-09-23"),
                    ("erdogan", "tr-venue", "pro", "2025-09-23"),
                ]),
                ("001_fa40498c7c5f6522.txt", [
                    ("tokayev", "kz-mediator", "contra", "2025-09-24"),
                    ("tokayev", "kz-venue", "pro", "2025-09-24"),
                    ("tokayev", "settlement-prospects", "contra", "2025-09-24"),
                ]),
                ("019_a40dc83d7ba225db.txt", [("peskov", "ch-venue", "contra", "2025-09-24")]),
                ("025_9f3cd1fd9b686fb3.txt", [("lavrov", "ch-mediator", "contra", "2025-09-25")]),
                ("014_25061069710fcaff.txt", [("fidan", "settlement-prospects", "pro", "2025-10-05")]),
                ("039_8e2c2ff4ca0cb8a6.txt", [("orban", "hu-venue", "pro", "2025-10-16")]),
                ("023_a50fb334f4f4adef.txt", [("pope-leo", "vatican-venue", "pro", "2025-10-18")]),
                ("036_cc985f48f097acf1.txt", [("erdogan", "settlement-prospects", "pro", "2025-10-31")]),
                ("012_6779865e0cab06fe.txt", [
                    ("tokayev", "kz-venue", "pro", "2025-11-07"),
                    ("tokayev", "settlement-prospects", "pro", "2025-11-07"),
                    ("peskov", "kz-venue", "pro", "2025-11-10"),
                ]),
                ("003_c6bafed80c9d2d07.txt", [
                    ("tokayev", "kz-venue", "pro", "2025-11-08"),
                    ("tokayev", "settlement-prospects", "pro", "2025-11-08"),
                    ("tokayev", "settlement-prospects", "contra", "2025-09-01"),
                    ("tokayev", "kz-mediator", "contra", "2025-09-01"),
                ]),
                ("031_5585cc4e48a22fdd.txt", [
                    ("peskov", "tr-venue", "pro", "2025-11-25"),
                    ("erdogan", "tr-venue", "pro", "2025-11-24"),
                ]),
                ("035_f7bdfd79477d2ae1.txt", [("orban", "hu-venue", "pro", "2025-11-28")]),
                ("024_5c71b719ea7d88ed.txt", [("orban", "hu-venue", "pro", "2025-10-22")]),
                ("030_0a5bd0ee4c389d42.txt", [
                    ("lukashenko", "by-platform", "pro", "2025-11-26"),
                    ("lavrov", "by-platform", "pro", "2025-11-25"),
                    ("lavrov", "tr-mediator", "pro", "2025-11-25"),
                    ("erdogan", "tr-venue", "pro", "2025-11-25"),
                ]),
                ("017_0ed69cd8203a4dd4.txt", [
                    ("peskov", "tr-mediator", "pro", "2025-12-12"),
                    ("erdogan", "tr-mediator", "pro", "2025-12-12"),
                ]),
                ("042_51c9536e24754e89.txt", [("fidan", "settlement-prospects", "pro", "2025-12-18")]),
                ("033_266f58f5b490b7f7.txt", [("cbr", "key-rate-easing", "pro", "2025-12-19")]),
                ("018_0bad3f30a29e3621.txt", [
                    ("garmonin", "ch-mediator", "contra", "2025-12-20"),
                    ("garmonin", "ch-venue", "contra", "2025-12-20"),
                ]),
                ("020_363d758f4bae2b9b.txt", [
                    ("erdogan", "tr-venue", "pro", "2024-07-12"),
                    ("erdogan", "tr-mediator", "pro", "2024-07-12"),
                    ("peskov", "tr-mediator", "contra", "2024-07-03"),
                ]),
                ("004_3c6dd68e0fab39f4.txt", [
                    ("tokayev", "kz-venue", "pro", "2025-12-23"),
                    ("tokayev", "kz-mediator", "contra", "2025-12-23"),
                ]),
                ("009_5dcd402f797c6e6a.txt", [("parolin", "vatican-mediator", "pro", "2022-02-28")]),
                ("041_8c2b2c18117e0355.txt", [
                    ("cassis", "ch-venue", "pro", "2022-03-20"),
                    ("cassis", "ch-mediator", "pro", "2022-03-20"),
                ]),
                ("011_6cc7dae857220dab.txt", [
                    ("garmonin", "ch-venue", "pro", "2026-02-20"),
                    ("garmonin", "ch-mediator", "contra", "2026-02-20"),
                ]),
            ],
            alerts: [
                "shift cbr key-rate-easing contra>pro 006_d8c44d87723fc6a5.txt -",
                "shift cbr key-rate-easing pro>contra 013_209c73c190a4cca7.txt -",
                "shift cbr key-rate-easing contra>pro 028_2d08666a0957e6c9.txt -",
                "shift pope-leo vatican-mediator pro>contra 021_5efdb3e2f61841ac.txt -",
                "shift erdogan settlement-prospects pro>contra 022_7b08d53ce229f4dc.txt -",
                "shift erdogan settlement-prospects contra>pro 036_cc985f48f097acf1.txt -",
                "shift tokayev settlement-prospects contra>pro 012_6779865e0cab06fe.txt -",
                "shift peskov tr-mediator contra>pro 017_0ed69cd8203a4dd4.txt -",
                "shift garmonin ch-venue contra>pro 011_6cc7dae857220dab.txt -",
                "divergence lavrov vatican-venue pro>contra 043_c26be6b2360ccee8.txt peskov",
                "divergence tokayev kz-mediator pro>contra 001_fa40498c7c5f6522.txt sarym",
                "divergence fidan settlement-prospects contra>pro 014_25061069710fcaff.txt erdogan",
            ]),
        Corpus(
            name: "dev2",
            groups: ["bach": "olympic", "coventry": "olympic", "coe": "olympic", "infantino": "football", "ceferin": "football", "novak": "russia-oil", "sechin": "russia-oil", "abdulaziz": "saudi", "cbr": "russia-finance", "minfin": "russia-finance", "fed": "fed"],
            actors: ["bach", "coventry", "coe", "infantino", "ceferin", "novak", "sechin", "abdulaziz", "cbr", "minfin", "fed", "waller"],
            articles: [
                ("116_582c25bb678e26e4.txt", [("novak", "opec-output-cut", "pro", "2018-12-07")]),
                ("113_bed0e57837f9be2d.txt", [("bach", "ru-athletes-return", "contra", "2022-06-19")]),
                ("102_78a4eb7ace1920e3.txt", [("cbr", "crypto-legalisation", "contra", "2022-01-20")]),
                ("134_e99ddd94bcaaf89e.txt", [("fed", "fed-rate-cut", "pro", "2019-07-31")]),
                ("141_f10d8e1e67ac68df.txt", [("sechin", "opec-output-cut", "contra", "2018-12-01")]),
                ("100_e4177e5b8912c67d.txt", [("infantino", "ru-athletes-return", "contra", "2022-03-31")]),
                ("121_052e8a1039259fb9.txt", [("novak", "opec-output-cut", "contra", "2020-03-06")]),
                ("112_536a4a7cb940932d.txt", [
                    ("cbr", "crypto-legalisation", "contra", "2022-02-09"),
                    ("minfin", "crypto-legalisation", "pro", "2022-02-09"),
                ]),
                ("132_21dbc41989b4edf3.txt", [("bach", "ru-athletes-return", "pro", "2023-01-25")]),
                ("126_16cb2621beaae033.txt", [("fed", "fed-rate-cut", "contra", "2022-09-21")]),
                ("114_6890586dfc01aee2.txt", [("sechin", "opec-output-cut", "contra", "2016-10-11")]),
                ("127_df2a0950c3f0c653.txt", [("novak", "opec-output-cut", "pro", "2020-04-10")]),
                ("115_e87c9611a4204616.txt", []),
                ("144_5e437d3f2177a996.txt", [
                    ("minfin", "crypto-legalisation", "pro", "2022-02-01"),
                    ("cbr", "crypto-legalisation", "contra", "2022-02-21"),
                ]),
                ("125_58f572160b310a20.txt", [("bach", "ru-athletes-return", "pro", "2023-09-04")]),
                ("131_0921345c7be47735.txt", [
                    ("novak", "opec-output-cut", "pro", "2021-01-05"),
                    ("abdulaziz", "opec-output-cut", "pro", "2021-01-05"),
                ]),
                ("119_b80aa48773c94095.txt", [("coe", "ru-athletes-return", "contra", "2024-10-28")]),
                ("109_b415737b35d6e0cb.txt", [("coe", "ru-athletes-return", "contra", "2023-08-01")]),
                ("142_4d0267ecb76aba3c.txt", [("bach", "ru-athletes-return", "pro", "2023-03-28")]),
                ("136_8fd126a8ad9aa021.txt", [("abdulaziz", "opec-output-cut", "pro", "2023-06-01")]),
                ("103_49b6f96883b01b4b.txt", [("fed", "fed-rate-cut", "pro", "2024-09-18")]),
                ("122_bd0be0ff4333f1ca.txt", [("coe", "ru-athletes-return", "contra", "2025-03-25")]),
                ("111_e9a225affdb174f7.txt", [("novak", "opec-output-cut", "pro", "2023-08-04")]),
                ("139_93c523d14fe1faea.txt", [("ceferin", "ru-athletes-return", "contra", "2025-04-03")]),
                ("104_f1db008710a42995.txt", [("infantino", "ru-athletes-return", "pro", "2025-04-03")]),
                ("140_1fe467a0c55dedd6.txt", [
                    ("waller", "fed-rate-cut", "pro", "2025-07-31"),
                    ("fed", "fed-rate-cut", "contra", "2025-07-31"),
                ]),
                ("123_45f68d0aba23725f.txt", [("abdulaziz", "opec-output-cut", "pro", "2022-12-12")]),
                ("117_fc0863ccdacb0654.txt", [("coe", "ru-athletes-return", "contra", "2025-09-12")]),
                ("138_d0ba3e107b3a4ab8.txt", [("fed", "fed-rate-cut", "pro", "2025-08-22")]),
                ("107_79f7127b24470ce2.txt", [("ceferin", "ru-athletes-return", "pro", "2025-09-03")]),
                ("101_079d68502647bd13.txt", [("coventry", "ru-athletes-return", "pro", "2025-09-19")]),
                ("106_9bc05335c5a12b09.txt", [("cbr", "crypto-legalisation", "pro", "2025-12-23")]),
                ("105_02fcb60178560cdf.txt", [
                    ("waller", "fed-rate-cut", "pro", "2025-10-16"),
                    ("fed", "fed-rate-cut", "pro", "2025-09-01"),
                ]),
                ("135_11c9c835b2735b98.txt", [("novak", "opec-output-cut", "contra", "2025-09-07")]),
                ("110_7b744d7ad699be7d.txt", [("coventry", "ru-athletes-return", "pro", "2025-09-19")]),
                ("143_f88a8cf25949973a.txt", [("fed", "fed-rate-cut", "pro", "2025-09-17")]),
                ("133_758f685e60b5b3a1.txt", [("cbr", "crypto-legalisation", "pro", "2025-12-23")]),
                ("129_aafd1a802324b828.txt", [("coe", "ru-athletes-return", "contra", "2025-12-17")]),
                ("124_23193ca8627f8916.txt", [("waller", "fed-rate-cut", "pro", "2025-10-10")]),
                ("108_c270fcf0e0ccb4dd.txt", [("coventry", "ru-athletes-return", "pro", "2026-01-02")]),
                ("137_39ccd4caa7f5c57e.txt", [("cbr", "crypto-legalisation", "pro", "2025-12-23")]),
                ("145_b0f9c07cb1f239d6.txt", [("infantino", "ru-athletes-return", "pro", "2026-02-02")]),
                ("128_b6072ff5cef120bf.txt", [("novak", "opec-output-cut", "contra", "2025-10-15")]),
                ("118_907de1e4b05b1d27.txt", []),
                ("120_f3febd38187fa8d9.txt", [
                    ("ceferin", "ru-athletes-return", "contra", "2026-02-12"),
                    ("infantino", "ru-athletes-return", "pro", "2026-02-12"),
                ]),
                ("130_16103d82257d7792.txt", []),
            ],
            alerts: [
                "divergence sechin opec-output-cut pro>contra 141_f10d8e1e67ac68df.txt novak",
                "shift novak opec-output-cut pro>contra 121_052e8a1039259fb9.txt -",
                "divergence minfin crypto-legalisation contra>pro 112_536a4a7cb940932d.txt cbr",
                "shift bach ru-athletes-return contra>pro 132_21dbc41989b4edf3.txt -",
                "shift fed fed-rate-cut pro>contra 126_16cb2621beaae033.txt -",
                "shift novak opec-output-cut contra>pro 127_df2a0950c3f0c653.txt -",
                "divergence coe ru-athletes-return pro>contra 109_b415737b35d6e0cb.txt bach",
                "shift fed fed-rate-cut contra>pro 103_49b6f96883b01b4b.txt -",
                "shift infantino ru-athletes-return contra>pro 104_f1db008710a42995.txt -",
                "divergence infantino ru-athletes-return contra>pro 104_f1db008710a42995.txt ceferin",
                "shift fed fed-rate-cut pro>contra 140_1fe467a0c55dedd6.txt -",
                "shift fed fed-rate-cut contra>pro 138_d0ba3e107b3a4ab8.txt -",
                "shift ceferin ru-athletes-return contra>pro 107_79f7127b24470ce2.txt -",
                "divergence coventry ru-athletes-return contra>pro 101_079d68502647bd13.txt coe",
                "shift cbr crypto-legalisation contra>pro 106_9bc05335c5a12b09.txt -",
                "shift novak opec-output-cut pro>contra 135_11c9c835b2735b98.txt -",
                "shift ceferin ru-athletes-return pro>contra 120_f3febd38187fa8d9.txt -",
                "divergence ceferin ru-athletes-return pro>contra 120_f3febd38187fa8d9.txt infantino",
            ]),
    ]
}
