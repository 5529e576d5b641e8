"""The OpenAI Files and Batches endpoints, emulated for `FakeOpenAI`.

Enough of the real API for a client to upload a JSONL of chat requests, create a batch, poll it
and download the results, in the real wire shapes: `POST /files` (multipart), `POST /batches`,
`GET /batches/{id}`, `POST /batches/{id}/cancel`, `GET /files/{id}/content`. A batch moves
validating -> in_progress -> completed over `polls_to_finish` polls; each request line is then
answered by the `chat` handler (the same handlers `FakeOpenAI` takes), so faults can be injected
per line. `expire_after` leaves lines unprocessed, as a batch that hit its 24 h window does.

    api = BatchAPI()
    with FakeOpenAI(api) as server: ...
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .server import Reply, ServedRequest, stub_handler

ChatHandler = Callable[[ServedRequest], Any]


@dataclass
class _Batch:
    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    metadata: dict[str, Any] | None
    created_at: int
    polls: int = 0
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    counts: dict[str, int] = field(
        default_factory=lambda: {"total": 0, "completed": 0, "failed": 0}
    )


class BatchAPI:
    """A handler for `FakeOpenAI` serving Files, Batches, and chat completions."""

    def __init__(
        self,
        chat: ChatHandler = stub_handler,
        *,
        polls_to_finish: int = 2,
        expire_after: int | None = None,
        fail_polls: int = 0,
    ) -> None:
        self.chat = chat
        self.polls_to_finish = polls_to_finish
        self.expire_after = expire_after
        self.fail_polls = fail_polls  # the first N polls answer 500, as a stuttering API does
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, _Batch] = {}
        self.line_requests = 0  # chat requests answered inside batches
        self._lock = threading.Lock()
        self._polls_seen = 0

    def __call__(self, request: ServedRequest) -> Any:
        path = request.path.split("?", 1)[0].rstrip("/")
        parts = path.split("/")
        if request.method == "POST" and path.endswith("/files"):
            return self._upload(request)
        if request.method == "POST" and path.endswith("/batches"):
            return self._create(request)
        if "batches" in parts:
            batch_id = parts[parts.index("batches") + 1]
            batch = self.batches.get(batch_id)
            if batch is None:
                return _error(404, f"No batch with id {batch_id}")
            if path.endswith("/cancel"):
                batch.status = "cancelled"
                return Reply(body=self._batch_object(batch))
            return self._poll(batch)
        if request.method == "GET" and path.endswith("/content"):
            file_id = parts[-2]
            if file_id not in self.files:
                return _error(404, f"No file with id {file_id}")
            return Reply(body=self.files[file_id][1], headers={"content-type": "application/jsonl"})
        return self.chat(request)

    # -- endpoints ----------------------------------------------------------------------------

    def _upload(self, request: ServedRequest) -> Reply:
        header = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            header + request.body
        )
        fields = {
            part.get_param("name", header="content-disposition"): part
            for part in message.iter_parts()
        }
        upload = fields.get("file")
        purpose = fields.get("purpose")
        if upload is None or purpose is None:
            return _error(400, "file and purpose are required")
        payload = upload.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        name = upload.get_filename() or "upload.jsonl"
        with self._lock:
            file_id = f"file-{len(self.files) + 1:04d}"
            self.files[file_id] = (name, content)
        return Reply(body=self._file_object(file_id, purpose.get_content().strip()))

    def _create(self, request: ServedRequest) -> Reply:
        body = request.json()
        if body.get("input_file_id") not in self.files:
            return _error(400, "input_file_id does not name an uploaded file")
        with self._lock:
            batch = _Batch(
                id=f"batch_{len(self.batches) + 1:04d}",
                input_file_id=body["input_file_id"],
                endpoint=body.get("endpoint", ""),
                completion_window=body.get("completion_window", ""),
                metadata=body.get("metadata"),
                created_at=int(time.time()),
            )
            self.batches[batch.id] = batch
        return Reply(body=self._batch_object(batch))

    def _poll(self, batch: _Batch) -> Reply:
        with self._lock:
            self._polls_seen += 1
            if self._polls_seen <= self.fail_polls:
                return _error(500, "The server had an error while processing your request.")
            if batch.status in ("validating", "in_progress"):
                batch.polls += 1
                batch.status = "in_progress"
                if batch.polls >= self.polls_to_finish:
                    self._run(batch)
        return Reply(body=self._batch_object(batch))

    # -- processing -----------------------------------------------------------------------------

    def _run(self, batch: _Batch) -> None:
        lines = [
            json.loads(line)
            for line in self.files[batch.input_file_id][1].splitlines()
            if line.strip()
        ]
        outputs: list[str] = []
        errors: list[str] = []
        for n, line in enumerate(lines):
            if self.expire_after is not None and n >= self.expire_after:
                errors.append(
                    json.dumps(
                        {
                            "id": f"batch_req_{n}",
                            "custom_id": line["custom_id"],
                            "response": None,
                            "error": {
                                "code": "batch_expired",
                                "message": "This request could not be executed before the "
                                "completion window expired.",
                            },
                        }
                    )
                )
                continue
            body = json.dumps(line["body"]).encode()
            inner = ServedRequest(
                "POST",
                line["url"],
                {"content-type": "application/json"},
                body,
                index=self.line_requests,
            )
            self.line_requests += 1
            reply = self.chat(inner)
            status = reply.status if isinstance(reply, Reply) else 500
            payload = reply.body if isinstance(reply, Reply) else None
            if isinstance(payload, bytes):
                payload = json.loads(payload)
            record = {
                "id": f"batch_req_{n}",
                "custom_id": line["custom_id"],
                "response": {"status_code": status, "request_id": f"req_{n}", "body": payload},
                "error": None,
            }
            (outputs if status == 200 else errors).append(json.dumps(record))
        batch.counts = {"total": len(lines), "completed": len(outputs), "failed": len(errors)}
        batch.status = "expired" if self.expire_after is not None else "completed"
        for kind, rows in (("output", outputs), ("error", errors)):
            if rows:
                file_id = f"file-{len(self.files) + 1:04d}"
                self.files[file_id] = (
                    f"{batch.id}_{kind}.jsonl",
                    ("\n".join(rows) + "\n").encode(),
                )
                setattr(batch, f"{kind}_file_id", file_id)

    # -- wire shapes ----------------------------------------------------------------------------

    def _file_object(self, file_id: str, purpose: str) -> dict[str, Any]:
        name, content = self.files[file_id]
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
            "status_details": None,
        }

    def _batch_object(self, batch: _Batch) -> dict[str, Any]:
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": batch.endpoint,
            "errors": None,
            "input_file_id": batch.input_file_id,
            "completion_window": batch.completion_window,
            "status": batch.status,
            "output_file_id": batch.output_file_id,
            "error_file_id": batch.error_file_id,
            "created_at": batch.created_at,
            "in_progress_at": None,
            "expires_at": batch.created_at + 86400,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": batch.counts,
            "metadata": batch.metadata,
        }


def _error(status: int, message: str) -> Reply:
    return Reply(
        status=status,
        body={
            "error": {
                "message": message,
                "type": "invalid_request_error",
                "param": None,
                "code": None,
            }
        },
    )
