"""The OpenAI-compatible client of `sparse_sae.autointerp` against a real HTTP server on 127.0.0.1.

Starts `FakeChatServer` (http.server in a thread, free port) and a second, hand-written handler, and checks
explanations and detection answers over the wire, retries, and clear errors for HTTP failures and malformed replies.
"""
import json, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
import numpy as np
import pytest
from sparse_sae.autointerp import (ChatClient, ChatError, FakeChatServer, LLMExplainer, LLMScorer, Example,
                                   binary_scores, INTERPRETER_PROMPT, SCORER_PROMPT)

EX = [Example([' the', ' cat', ' sat'], np.array([0, 2., 0])), Example([' a', ' cat', '.'], np.array([0, 1., 0]))]

@pytest.fixture
def server():
    with FakeChatServer() as srv: yield srv

def test_explain_and_score_over_http(server):
    cl = ChatClient(server.base_url, 'fake')
    expl = LLMExplainer(cl)(EX)
    assert expl == 'Fires on "cat"'
    wins = [Example([' my', ' cat'], np.zeros(2), 1), Example([' a', ' dog'], np.zeros(2), 0), Example([' Cat', ' !'], np.zeros(2), 1)]
    pred = LLMScorer(cl)(expl, wins)
    assert pred.tolist() == [1, 0, 1]
    assert binary_scores(pred, [w.label for w in wins])['f1'] == 1.0
    assert server.requests == 2 and cl.n_requests == 2

def test_http_error_is_clear(server):
    cl = ChatClient(server.base_url, 'http-500', max_retries=2, backoff=0.0)
    with pytest.raises(ChatError, match='HTTP 500') as e: cl.chat([{'role': 'user', 'content': 'x'}])
    assert e.value.status == 500 and 'simulated failure' in str(e.value)
    assert server.requests == 3   # first try + 2 retries

def test_retry_then_success(server):
    assert ChatClient(server.base_url, 'flaky', backoff=0.0).chat([{'role': 'user', 'content': 'hi'}])
    assert server.requests == 2

@pytest.mark.parametrize('model,msg', [('not-json', 'not JSON'), ('no-choices', 'no choices')])
def test_malformed_reply_is_clear(server, model, msg):
    with pytest.raises(ChatError, match=msg): ChatClient(server.base_url, model).chat([{'role': 'user', 'content': 'x'}])

def test_unreachable_server():
    srv = FakeChatServer(); url = srv.base_url; srv.httpd.server_close()   # port closed: connection refused
    with pytest.raises(ChatError, match='cannot reach'): ChatClient(url, 'm', max_retries=0, timeout=2).chat([{'role': 'user', 'content': 'x'}])

def test_request_body_and_auth_header():
    "What goes over the wire: OpenAI chat-completions JSON, bearer key, our prompts"
    seen = {}
    class H(BaseHTTPRequestHandler):
        def log_message(self, *a): pass
        def do_POST(self):
            seen['path'], seen['auth'] = self.path, self.headers.get('Authorization')
            seen['body'] = json.loads(self.rfile.read(int(self.headers['Content-Length'])))
            out = json.dumps({'choices': [{'message': {'role': 'assistant', 'content': 'x [EXPLANATION]: Fires on "cat".'}}]}).encode()
            self.send_response(200); self.send_header('Content-Length', str(len(out))); self.end_headers(); self.wfile.write(out)
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), H)
    t = threading.Thread(target=httpd.serve_forever, daemon=True); t.start()
    try:
        cl = ChatClient(f'http://127.0.0.1:{httpd.server_address[1]}/v1/', 'gpt-test', api_key='sk-123')
        assert LLMExplainer(cl)(EX, logits={'top': [' cats'], 'bottom': [' dog']}) == 'Fires on "cat".'
    finally: httpd.shutdown(); httpd.server_close()
    assert seen['path'] == '/v1/chat/completions' and seen['auth'] == 'Bearer sk-123'
    b = seen['body']
    assert b['model'] == 'gpt-test' and b['temperature'] == 0 and b['messages'][0]['content'] == INTERPRETER_PROMPT
    assert '<< cat>>' in b['messages'][1]['content'] and 'Top_logits: " cats"' in b['messages'][1]['content']

def test_scorer_reply_of_wrong_length_raises():
    class Bad:
        def chat(self, messages, max_tokens=100): return '[1, 0]'
    with pytest.raises(ValueError, match='not 3 values'): LLMScorer(Bad())('Fires on "x"', EX + EX[:1])
