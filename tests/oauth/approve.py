"""Approves (or denies) a device code at the test server as a browser would:
it opens the verification page, types the user code, logs in as LOGIN and
consents, through the server's own pages, with cookies, following every
redirect and submitting each page's form.

    python3 approve.py VERIFICATION_URI USER_CODE LOGIN [deny]

Exits 0 when the server says the device is signed in (or, with `deny`,
that it was denied); prints what it saw otherwise.
"""
import html
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

uri, user_code, login = sys.argv[1], sys.argv[2], sys.argv[3]
deny = len(sys.argv) > 4 and sys.argv[4] == "deny"
opener = urllib.request.build_opener(
    urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
)


def fetch(url, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with opener.open(url, data=data, timeout=10) as response:
        return response.geturl(), response.read().decode()


def form_of(page, base):
    match = re.search(r"<form([^>]*)>(.*?)</form>", page, re.S)
    if not match:
        return None
    attributes, body = match.groups()
    action = re.search(r'action="([^"]*)"', attributes)
    target = urllib.parse.urljoin(base, html.unescape(action.group(1)) if action else base)
    fields = {}
    for tag in re.findall(r"<input[^>]*>", body):
        name = re.search(r'name="([^"]*)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return target, fields


url, page = fetch(uri)
for _ in range(12):
    lowered = page.lower()
    if "sign-in" in lowered and "success" in lowered or "your sign-in" in lowered:
        sys.exit(0)
    if deny and ("aborted" in lowered or "denied" in lowered):
        sys.exit(0)
    found = form_of(page, url)
    if found is None:
        break
    target, fields = found
    if "user_code" in fields:
        fields["user_code"] = user_code
    if "login" in fields:
        fields["login"] = login
        fields["password"] = "any"
    if deny and "confirm" in fields:
        # The confirmation page's other button: abort the sign-in.
        fields["abort"] = "yes"
        fields.pop("confirm", None)
        url, page = fetch(target, fields)
        sys.exit(0 if "interrupted" in page.lower() or "aborted" in page.lower() else 1)
    url, page = fetch(target, fields)
print(page, file=sys.stderr)
sys.exit(1)
