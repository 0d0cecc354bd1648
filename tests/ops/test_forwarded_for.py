"""The client's address behind a proxy (issue 11 §8): X-Forwarded-For only when TRUST_X_FORWARDED_FOR is on, and
then the entry the proxy appended, not one the client wrote itself."""

from django.test import RequestFactory

from gezinsregie.audit.middleware import client_ip


def request(forwarded: str | None = None):
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **extra)


def test_without_the_setting_the_peer_is_the_address(settings) -> None:
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request("203.0.113.7")) == "10.0.0.2"


def test_with_the_setting_the_address_the_proxy_added(settings) -> None:
    settings.TRUST_X_FORWARDED_FOR = True
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"
    assert client_ip(request("1.2.3.4, 203.0.113.7")) == "203.0.113.7"  # 1.2.3.4 is what the client claimed
    assert client_ip(request()) == "10.0.0.2"
