"""The visitor's IP address, for every per-client limit (logins, passwords, contact form).

Behind the reverse proxy, REMOTE_ADDR is the proxy's own address: every visitor would
share one allowance. CLIENT_IP_HEADER names the request header in which the proxy
gives the client's address (e.g. "HTTP_X_FORWARDED_FOR"). Only the last address of
that header is used: it is the one our proxy saw, while earlier ones come from the
client and can be anything.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    header = settings.CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    candidate = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # no header (a request that did not come through the proxy)
        return request.META.get("REMOTE_ADDR", "")
