--
-- PostgreSQL database dump
--

-- Dumped from database version 13.16
-- Dumped by pg_dump version 13.16
-- Synthetic Discourse backup (dump.sql) for Safeguard's mapping tests: invented people, ordinary chatter.
-- Tables as Discourse's migrations create them, abridged to the columns the mapping reads plus neighbours.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    username character varying(60) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    name character varying,
    last_posted_at timestamp without time zone,
    active boolean DEFAULT false NOT NULL,
    username_lower character varying(60) NOT NULL,
    last_seen_at timestamp without time zone,
    admin boolean DEFAULT false NOT NULL,
    trust_level integer NOT NULL,
    approved boolean DEFAULT false NOT NULL,
    suspended_at timestamp without time zone,
    suspended_till timestamp without time zone,
    date_of_birth date,
    ip_address inet,
    moderator boolean DEFAULT false,
    primary_group_id integer,
    registration_ip_address inet,
    staged boolean DEFAULT false NOT NULL,
    silenced_till timestamp without time zone,
    password_hash character varying(64),
    salt character varying(32)
);


--
-- Name: user_emails; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_emails (
    id integer NOT NULL,
    user_id integer NOT NULL,
    email character varying(513) NOT NULL,
    "primary" boolean DEFAULT false NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    normalized_email character varying
);


--
-- Name: user_profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_profiles (
    user_id integer NOT NULL,
    location character varying(3000),
    website character varying(3000),
    bio_raw text,
    bio_cooked text
);


--
-- Name: groups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.groups (
    id integer NOT NULL,
    name character varying NOT NULL,
    created_at timestamp without time zone NOT NULL,
    automatic boolean DEFAULT false NOT NULL
);


--
-- Name: topics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.topics (
    id integer NOT NULL,
    title character varying NOT NULL,
    last_posted_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    views integer DEFAULT 0 NOT NULL,
    posts_count integer DEFAULT 0 NOT NULL,
    user_id integer,
    deleted_at timestamp without time zone,
    archetype character varying DEFAULT 'regular'::character varying NOT NULL,
    category_id integer,
    subtype character varying
);


--
-- Name: posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posts (
    id integer NOT NULL,
    user_id integer,
    topic_id integer NOT NULL,
    post_number integer NOT NULL,
    raw text NOT NULL,
    cooked text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    reply_to_post_number integer,
    deleted_at timestamp without time zone,
    post_type integer DEFAULT 1 NOT NULL
);


--
-- Name: topic_allowed_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.topic_allowed_users (
    id integer NOT NULL,
    user_id integer NOT NULL,
    topic_id integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: user_auth_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_auth_tokens (
    id integer NOT NULL,
    user_id integer NOT NULL,
    auth_token character varying NOT NULL,
    prev_auth_token character varying NOT NULL,
    user_agent character varying,
    auth_token_seen boolean DEFAULT false NOT NULL,
    client_ip inet,
    rotated_at timestamp without time zone NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    seen_at timestamp without time zone
);


--
-- Name: user_auth_token_logs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_auth_token_logs (
    id integer NOT NULL,
    action character varying NOT NULL,
    user_auth_token_id integer,
    client_ip inet,
    auth_token character varying,
    created_at timestamp without time zone,
    path character varying,
    user_agent character varying,
    user_id integer
);


--
-- Name: user_ip_address_histories; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_ip_address_histories (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    ip_address inet NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, username, created_at, updated_at, name, last_posted_at, active, username_lower, last_seen_at, admin, trust_level, approved, suspended_at, suspended_till, date_of_birth, ip_address, moderator, primary_group_id, registration_ip_address, staged, silenced_till, password_hash, salt) FROM stdin;
-1	system	2019-01-01 00:00:00	2019-01-01 00:00:00	system	\N	t	system	\N	t	4	t	\N	\N	\N	\N	t	\N	\N	f	\N	\N	\N
1	admin_ada	2019-01-01 00:00:00	2020-01-01 12:00:00	Ada A.	2019-03-01 10:00:00	t	admin_ada	2020-01-01 12:00:00.123456	t	4	t	\N	\N	1990-07-04	198.51.100.51	f	10	198.51.100.50	f	\N	aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa	bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
2	mod_mo	2019-01-02 00:00:00	2020-01-02 12:00:00	Mo "the mod"	\N	t	mod_mo	2020-01-02 12:00:00	f	3	t	\N	\N	\N	2001:db8::51	t	\N	2001:db8::50	f	\N	cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc	dddddddddddddddddddddddddddddddd
3	mia_reads	2019-01-03 00:00:00	2020-01-03 12:00:00	Mia 🌻	\N	t	mia_reads	2020-01-03 12:00:00	f	1	t	\N	\N	\N	203.0.113.51	f	\N	203.0.113.50	f	\N	\N	\N
4	x_drop	2019-01-04 00:00:00	2019-01-05 00:00:00	'); DROP TABLE x;--	\N	t	x_drop	2019-01-04 01:00:00	f	0	t	2019-01-05 00:00:00	2099-01-01 00:00:00	\N	192.0.2.60	f	\N	192.0.2.60	f	\N	\N	\N
\.


--
-- Data for Name: user_emails; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_emails (id, user_id, email, "primary", created_at, updated_at, normalized_email) FROM stdin;
1	1	ada.old@outlook.com	f	2019-01-01 00:00:00	2019-01-01 00:00:00	\N
2	1	ada.forum@gmail.com	t	2019-02-01 00:00:00	2019-02-01 00:00:00	\N
3	2	mo@web.de	t	2019-01-02 00:00:00	2019-01-02 00:00:00	\N
4	3	mia@libero.it	t	2019-01-03 00:00:00	2019-01-03 00:00:00	\N
5	4	x@example.net	t	2019-01-04 00:00:00	2019-01-04 00:00:00	\N
\.


--
-- Data for Name: user_profiles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_profiles (user_id, location, website, bio_raw, bio_cooked) FROM stdin;
1	Dublin	https://example.org/ada	I run the **book club**	<p>I run the <strong>book club</strong></p>
2	\N	\N	\N	\N
3	Lecce 🌊	\N	\N	\N
\.


--
-- Data for Name: groups; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.groups (id, name, created_at, automatic) FROM stdin;
10	book_club	2019-01-01 00:00:00	f
1	admins	2019-01-01 00:00:00	t
\.


--
-- Data for Name: topics; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.topics (id, title, last_posted_at, created_at, updated_at, views, posts_count, user_id, deleted_at, archetype, category_id, subtype) FROM stdin;
1	Book club: March pick	2019-03-02 09:00:00	2019-03-01 10:00:00	2019-03-02 09:00:00	40	3	1	\N	regular	5	\N
2	Moderation rota	2019-03-05 09:00:00	2019-03-04 10:00:00	2019-03-05 09:00:00	3	2	1	\N	private_message	\N	user_to_user
\.


--
-- Data for Name: posts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.posts (id, user_id, topic_id, post_number, raw, cooked, created_at, updated_at, reply_to_post_number, deleted_at, post_type) FROM stdin;
11	1	1	1	Let's read **Dune** this month.\n\nReply with your edition.	<p>Let’s read <strong>Dune</strong> this month.</p>\n<p>Reply with your edition.</p>	2019-03-01 10:00:00	2019-03-01 10:00:00	\N	\N	1
12	3	1	2	Paperback 🌻 — `C:\\books` & "quotes"\tend	<p>Paperback 🌻 — <code>C:\\books</code> &amp; “quotes” end</p>	2019-03-01 11:30:00	2019-03-01 12:00:00	1	\N	1
13	4	1	3	'); DROP TABLE x;--	<p>'); DROP TABLE x;--</p>	2019-03-02 09:00:00	2019-03-02 09:00:00	\N	\N	1
14	1	2	1	Can you cover **Saturday**?	<p>Can you cover <strong>Saturday</strong>?</p>	2019-03-04 10:00:00	2019-03-04 10:00:00	\N	\N	1
15	2	2	2	Yes, add me on <handle>	<p>Yes, add me on &lt;handle&gt;</p>	2019-03-05 09:00:00	2019-03-05 09:00:00	1	\N	1
\.


--
-- Data for Name: topic_allowed_users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.topic_allowed_users (id, user_id, topic_id, created_at, updated_at) FROM stdin;
1	1	2	2019-03-04 10:00:00	2019-03-04 10:00:00
2	2	2	2019-03-04 10:00:00	2019-03-04 10:00:00
3	3	2	2019-03-04 10:00:00	2019-03-04 10:00:00
\.


--
-- Data for Name: user_auth_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_auth_tokens (id, user_id, auth_token, prev_auth_token, user_agent, auth_token_seen, client_ip, rotated_at, created_at, updated_at, seen_at) FROM stdin;
1	1	tok1	tok0	Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/72.0	t	198.51.100.51	2020-01-01 11:00:00	2019-12-01 08:00:00	2020-01-01 11:00:00	2020-01-01 11:59:00
2	2	tok3	tok2	Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) Mobile/15E148	t	2001:db8::51	2020-01-02 11:00:00	2019-12-02 08:00:00	2020-01-02 11:00:00	2020-01-02 11:30:00
\.


--
-- Data for Name: user_auth_token_logs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_auth_token_logs (id, action, user_auth_token_id, client_ip, auth_token, created_at, path, user_agent, user_id) FROM stdin;
1	generate	1	198.51.100.51	tok0	2019-12-01 08:00:00	/session	Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/72.0	1
2	suspicious	\N	192.0.2.61	tokX	2019-12-05 03:00:00	/session	python-requests/2.22	3
\.


--
-- Data for Name: user_ip_address_histories; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.user_ip_address_histories (id, user_id, ip_address, created_at, updated_at) FROM stdin;
1	3	203.0.113.50	2019-01-03 00:00:00	2019-06-01 00:00:00
2	3	203.0.113.51	2019-06-02 00:00:00	2020-01-03 12:00:00
\.


--
-- PostgreSQL database dump complete
--
