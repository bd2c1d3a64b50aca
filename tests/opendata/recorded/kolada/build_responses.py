"""Rebuild Kolada v3 response pages from rKolada's stored answers (see README.md next to this file).

The values (ids, titles, KPI figures, statuses) are Kolada's, as rKolada fetched them; what is
rebuilt here is the page envelope ``{"count", "values", "next_url", "previous_url"}`` and the
nesting of data items, following the v3 shape documented at api.kolada.se/v3/docs. Run from this
folder: ``python build_responses.py`` (writes ``v3/*.json`` and ``manifest.json``).
"""

import csv
import json
from pathlib import Path

HERE = Path(__file__).parent
BASE = "https://api.kolada.se/v3"
OUT = HERE / "v3"
manifest: dict[str, str] = {}


def rows(name):
    with open(HERE / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write(url, doc, name):
    OUT.mkdir(exist_ok=True)
    (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    manifest[url] = f"v3/{name}"


def paged(url, values, per_page, stem):
    pages = [values[i:i + per_page] for i in range(0, len(values), per_page)] or [[]]
    for i, page in enumerate(pages):
        this = url if i == 0 else f"{url}&page={i + 1}"
        nxt = f"{url}&page={i + 2}" if i + 1 < len(pages) else None
        prev = None if i == 0 else (url if i == 1 else f"{url}&page={i}")
        write(this, {"count": len(page), "values": page, "next_url": nxt, "previous_url": prev}, f"{stem}_p{i + 1}.json")


munic = [{"id": r["id"], "title": r["title"], "type": r["type"]} for r in rows("rkolada_munic.csv")]
paged(f"{BASE}/municipality?per_page=5000", munic, 200, "municipality")  # two pages: paging

groups = [{"id": r["id"], "title": r["title"],
           "members": [{"id": i, "title": t} for i, t in zip(r["members"].split(","), r["member_titles"].split("|"))]}
          for r in rows("rkolada_munic_g.csv")]
paged(f"{BASE}/municipality_groups?per_page=5000", groups, 5000, "municipality_groups")


def kpi_item(r):
    out = dict(r)
    for k in ("is_divided_by_gender", "has_ou_data"):
        out[k] = out[k] == "TRUE"
    return {k: (None if v == "NA" else v) for k, v in out.items()}


kpis = [kpi_item(r) for r in rows("rkolada_kpi_filter.csv")]
paged(f"{BASE}/kpi?title=bruttoregionprodukt&per_page=5000", kpis, 5000, "kpi_search")
for k in kpis:
    paged(f"{BASE}/kpi/{k['id']}", [k], 5000, f"kpi_{k['id']}")
paged(f"{BASE}/kpi/N99999", [], 5000, "kpi_N99999")  # an id Kolada does not have: empty list


def data_items(records):
    items = {}
    for r in records:
        key = (r["kpi"], r["municipality_id"], int(r["year"]))
        items.setdefault(key, {"kpi": key[0], "municipality": key[1], "period": key[2], "values": []})
        value = None if r["value"] in ("NA", "") else float(r["value"])
        items[key]["values"].append({"gender": r["gender"], "count": int(r["count"]), "status": r["status"],
                                     "value": value, "isdeleted": False})
    return list(items.values())


def data_pages(kpi, munis, records, per_page, stem, years=None):
    url = f"{BASE}/data/kpi/{kpi}/municipality/{','.join(munis)}"
    if years:
        url += f"/year/{','.join(map(str, years))}"
    sel = [r for r in records if r["kpi"] == kpi and r["municipality_id"] in munis
           and (years is None or int(r["year"]) in years)]
    paged(url + "?per_page=5000", data_items(sel), per_page, stem)


grp = rows("rkolada_grp_data.csv")
arboga_pool = ["0319", "0562", "0687", "1082", "1083", "1885", "1984", "2084"]
data_pages("N03702", arboga_pool, grp, 40, "data_N03702_arboga")        # 96 items in 3 pages
for i in range(0, len(arboga_pool), 3):                                  # batches of 3 ids
    data_pages("N03702", arboga_pool[i:i + 3], grp, 5000, f"data_N03702_batch{i // 3 + 1}")
n945 = rows("rkolada_n00945.csv")
data_pages("N00945", ["0180", "1280", "1480"], n945, 5000, "data_N00945", years=list(range(2000, 2021)))
(HERE / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")

# -- v2 shape (next_page / previous_page, no per_page in the URL) ---------------------------------
V2 = "https://api.kolada.se/v2"
url = f"{V2}/data/kpi/N00945/municipality/0180,1280,1480/year/" + ",".join(map(str, range(2000, 2021)))
items = data_items(n945)
for i, page in enumerate([items[:30], items[30:]]):
    doc = {"count": len(page), "values": page}
    if i == 0:
        doc["next_page"] = url + "?page=2&per_page=30"
    else:
        doc["previous_page"] = url + "?page=1&per_page=30"
    name = f"data_N00945_p{i + 1}.json"
    (HERE / "v2").mkdir(exist_ok=True)
    (HERE / "v2" / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    manifest[url if i == 0 else url + "?page=2&per_page=30"] = f"v2/{name}"
manifest[f"{V2}/municipality"] = "v3/municipality_p1.json"  # the same municipality items
manifest[f"{V2}/municipality?title=vaxholm"] = "v2/municipality_title_vaxholm.json"  # recorded verbatim
(HERE / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
