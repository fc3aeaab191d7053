"""The forms that check a password, each attempt throttled (config/login_throttle.py)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm
from wagtail.forms import PasswordViewRestrictionForm

from config.login_throttle import one_attempt_at_a_time, record_failure


class ThrottledLoginForm(LoginForm):
    """Wagtail's admin login (WAGTAILADMIN_USER_LOGIN_FORM); axes records the failures."""

    def clean(self):
        with one_attempt_at_a_time(self.request, self.cleaned_data.get("username")):
            return super().clean()


class ThrottledPasswordForm(PasswordViewRestrictionForm):
    """The password of a private page or collection (config/password_views.py)."""

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.credential = f"{self.restriction._meta.model_name}:{self.restriction.pk}"

    def clean_password(self):
        with one_attempt_at_a_time(self.request, self.credential):
            try:
                return super().clean_password()
            except ValidationError:
                record_failure(self.request, self.credential)
                raise
