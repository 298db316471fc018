"""The LLM judge behind any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM,
llama.cpp server, ...): `OpenAICompatibleJudge` POSTs to `{base_url}/chat/completions` with the
stdlib (urllib), retrying 429 / 5xx / connection errors with exponential backoff.

The API key is read only from `os.environ[cfg.api_key_env]`; it is never logged, written, put
in an exception message or in the cache key (`name` holds backend, model, base_url and
reasoning_effort). Token limit: OpenAI's current `max_completion_tokens` (the deprecated
`max_tokens` is rejected by reasoning models); note that OpenAI reasoning models also reject
`temperature` other than 1, so set `eval.judge.temperature=null` with them.
"""

from __future__ import annotations

import http.client
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from medlab.config.evaluation import JudgeConfig
from medlab.errors import ConfigError
from medlab.evaluation.judge import JudgeError

FATAL_HTTP = (401, 403, 404)
"""Statuses that mean the judge is misconfigured (key, model, URL): the run stops."""


class OpenAICompatibleJudge:
    """Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp server, ...)."""

    def __init__(self, cfg: JudgeConfig, sleep: Callable[[float], None] = time.sleep) -> None:
        key = os.environ.get(cfg.api_key_env, "")
        if not key:
            raise ConfigError(
                f"eval.judge.api_key_env: environment variable {cfg.api_key_env} is not set. "
                f"Export {cfg.api_key_env}=<your API key> (the key is read only from the "
                "environment), or set eval.judge.backend=none for rule checks only."
            )
        self._key = key
        self.cfg = cfg
        self.url = cfg.base_url.rstrip("/") + "/chat/completions"
        self.name = f"openai:{cfg.model}@{cfg.base_url.rstrip('/')}"
        if cfg.reasoning_effort:
            self.name += f";reasoning_effort={cfg.reasoning_effort}"
        self._sleep = sleep

    def __repr__(self) -> str:  # never show the key
        return f"OpenAICompatibleJudge({self.name})"

    def request_body(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.cfg.model,
            "messages": messages,
            "max_completion_tokens": self.cfg.max_tokens,
        }
        if self.cfg.temperature is not None:
            body["temperature"] = self.cfg.temperature
        if self.cfg.reasoning_effort:
            body["reasoning_effort"] = self.cfg.reasoning_effort
        return body

    def _redact(self, text: str) -> str:
        return text.replace(self._key, "[redacted]")

    def _post(self, payload: bytes) -> tuple[int, str, Any]:
        request = urllib.request.Request(
            self.url,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self._key}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.cfg.timeout_s) as response:
                return response.status, response.read().decode("utf-8", "replace"), None
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace"), exc.headers

    def _server_message(self, body: str) -> str:
        try:
            error = json.loads(body).get("error")
            message = error.get("message") if isinstance(error, dict) else error
        except (ValueError, AttributeError):
            message = None
        return self._redact(str(message or body).strip())[:500]

    def _retry_delay(self, attempt: int, headers: Any) -> float:
        delay = self.cfg.backoff_s * 2 ** (attempt - 1)
        retry_after = headers.get("Retry-After") if headers is not None else None
        try:
            return max(delay, min(float(retry_after), 60.0)) if retry_after else delay
        except ValueError:
            return delay

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The reply text; retries 429 / 5xx / connection errors / timeouts with exponential
        backoff, fails at once on other 4xx (401 / 403 / 404 stop the run: ConfigError)."""
        payload = json.dumps(self.request_body(messages)).encode("utf-8")
        attempts = self.cfg.max_retries + 1
        reason, headers = "", None
        for attempt in range(attempts):
            if attempt:
                self._sleep(self._retry_delay(attempt, headers))
            headers = None
            try:
                status, body, headers = self._post(payload)
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as e:
                cause = getattr(e, "reason", None)
                reason = self._redact(f"{type(e).__name__}: {cause if cause else e}")
                continue
            if status == 429 or status >= 500:
                reason = f"HTTP {status}: {self._server_message(body)}"
                continue
            if status in FATAL_HTTP:
                raise ConfigError(
                    f"eval.judge: {self.url} refused the request with HTTP {status}: "
                    f"{self._server_message(body)}. Check eval.judge.model, eval.judge.base_url "
                    f"and the key in ${self.cfg.api_key_env}."
                )
            if status >= 400:
                raise JudgeError(f"HTTP {status}: {self._server_message(body)}")
            return self._content(body)
        raise JudgeError(f"no answer after {attempts} attempt(s); last: {reason}")

    def _content(self, body: str) -> str:
        try:
            choice = json.loads(body)["choices"][0]
            content = choice["message"].get("content")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise JudgeError(f"malformed chat-completions response: {body[:200]!r}") from None
        if not content:
            finish = choice.get("finish_reason")
            hint = " (raise eval.judge.max_tokens: reasoning tokens count)" if finish else ""
            raise JudgeError(f"empty reply, finish_reason={finish!r}{hint}")
        return str(content)
