#!/usr/bin/python3
"""Writes the bundled ARFF data sets in resources/data/ (run with Debian's /usr/bin/python3).

Sources and licences are listed in resources/data/SOURCES.md. Values are written exactly as the
source gives them: no scaling, no imputation, so users see the real preparation work.
"""
import csv
import io
import os
import subprocess

from sklearn import datasets

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "data")


def arff(name, relation, columns, rows, comment):
    """columns: list of (name, type) with type 'numeric', 'string' or a list of nominal values."""
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        for line in comment.strip().splitlines():
            f.write("% " + line + "\n")
        f.write("@relation " + relation + "\n\n")
        for col, typ in columns:
            if isinstance(typ, list):
                typ = "{" + ",".join(typ) + "}"
            f.write("@attribute '%s' %s\n" % (col, typ))
        f.write("\n@data\n")
        for row in rows:
            out = []
            for (col, typ), v in zip(columns, row):
                if typ == "string" or isinstance(typ, list):
                    out.append("'%s'" % str(v).replace("'", "\\'"))
                else:
                    out.append(repr(float(v)) if not float(v).is_integer() else str(int(v)) if abs(v) < 1e15 else repr(v))
            f.write(",".join(out) + "\n")


def sk(loader, name, relation, comment):
    b = loader()
    classes = [str(c).replace(" ", "_") for c in b.target_names]
    cols = [(str(c).replace(" (cm)", "").replace(" ", "_").replace("/", "_"), "numeric") for c in b.feature_names] + [("class", classes)]
    rows = [list(x) + [classes[y]] for x, y in zip(b.data, b.target)]
    arff(name, relation, cols, rows, comment)


def r_dataset(expr):
    out = subprocess.run(["Rscript", "-e", "write.csv(%s, stdout(), row.names=TRUE)" % expr],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.reader(io.StringIO(out)))


def main():
    os.makedirs(OUT, exist_ok=True)
    sk(datasets.load_iris, "iris.arff", "iris",
       "Fisher's Iris data (150 flowers, 4 measurements in cm, 3 species). Source: R.A. Fisher (1936), via scikit-learn.")
    sk(datasets.load_wine, "wine.arff", "wine",
       "Wine recognition data (178 wines, 13 chemical measurements, 3 cultivars). Source: UCI ML repository, via scikit-learn.")

    rows = r_dataset("USArrests")
    header = rows[0][1:]
    arff("usarrests.arff", "USArrests",
         [("state", "string")] + [(h, "numeric") for h in header],
         [[r[0]] + [float(v) for v in r[1:]] for r in rows[1:]],
         "Violent crime rates by US state, 1973 (arrests per 100,000 for murder, assault, rape; percent urban population).\n"
         "Source: McNeil (1977), R datasets::USArrests. The string attribute 'state' labels dendrogram leaves.")

    rows = r_dataset("faithful")
    arff("faithful.arff", "faithful",
         [("eruptions", "numeric"), ("waiting", "numeric")],
         [[float(v) for v in r[1:]] for r in rows[1:]],
         "Old Faithful geyser: eruption time and waiting time to the next eruption, in minutes (272 eruptions).\n"
         "Source: Azzalini and Bowman (1990), R datasets::faithful. Two well-separated density modes.")

    rows = r_dataset("quakes")
    arff("quakes.arff", "quakes",
         [("lat", "numeric"), ("long", "numeric"), ("depth", "numeric"), ("mag", "numeric"), ("stations", "numeric")],
         [[float(v) for v in r[1:]] for r in rows[1:]],
         "1000 seismic events near Fiji since 1964 (location, depth in km, Richter magnitude, reporting stations).\n"
         "Source: Harvard PRIM-H project, R datasets::quakes. Spatial clusters with noise: a density-clustering example.")
    wdbc_anomaly()


def wdbc_anomaly():
    """The anomaly-detection version of the Wisconsin diagnostic breast cancer data (Campos et al. 2016's
    WDBC construction): every benign tumour and 10 malignant ones drawn with a fixed seed, in source order."""
    import numpy as np
    b = datasets.load_breast_cancer()
    malignant = np.flatnonzero(b.target == 0)          # scikit-learn codes malignant as 0, benign as 1
    keep_m = set(np.random.RandomState(0).choice(malignant, 10, replace=False).tolist())
    rows = [list(x) + ["malignant" if y == 0 else "benign"]
            for i, (x, y) in enumerate(zip(b.data, b.target)) if y == 1 or i in keep_m]
    cols = [(str(c).replace(" ", "_"), "numeric") for c in b.feature_names] + [("diagnosis", ["benign", "malignant"])]
    arff("wdbc-anomaly.arff", "wdbc-anomaly", cols, rows,
         "Breast Cancer Wisconsin (Diagnostic) as an anomaly-detection set: 357 benign and 10 malignant tumours\n"
         "(2.7% anomalies), 30 features of cell nuclei from digitized fine-needle aspirate images.\n"
         "Source: W.N. Street, W.H. Wolberg and O.L. Mangasarian (1993), UCI ML repository (CC BY 4.0), copy shipped\n"
         "with scikit-learn. Malignant rows: 10 of 212 drawn with numpy RandomState(0) (tools/data/make_datasets.py),\n"
         "as in Campos et al. (2016), On the evaluation of unsupervised outlier detection, DMKD 30(4).\n"
         "Units differ by four orders of magnitude: standardize before scoring.")


if __name__ == "__main__":
    main()
