-- XenForo 2.2 tables used by Safeguard's synthetic forum generator.
-- RECONSTRUCTED, NOT COPIED: XenForo is not open source and its installer
-- (XF\Install\Data\MySql) is not available here. Tables and columns follow
-- shared/docs/formats.md (XenForo 2.x), the mapping test fixture
-- tests/ingest/mappings/data/xenforo2.sql and public descriptions of XF 2.2's
-- entity structures; column order, widths and keys are best effort.
-- The generator rewrites ENGINE/CHARSET to InnoDB/utf8mb4 (MEMORY for sessions).

CREATE TABLE xf_conversation_master (
  `conversation_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(150) NOT NULL,
  `user_id` int(10) unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `start_date` int(10) unsigned NOT NULL,
  `open_invite` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `conversation_open` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `reply_count` int(10) unsigned NOT NULL DEFAULT '0',
  `recipient_count` int(10) unsigned NOT NULL DEFAULT '0',
  `first_message_id` int(10) unsigned NOT NULL,
  `last_message_date` int(10) unsigned NOT NULL,
  `last_message_id` int(10) unsigned NOT NULL,
  `last_message_user_id` int(10) unsigned NOT NULL,
  `last_message_username` varchar(50) NOT NULL,
  `recipients` mediumblob NOT NULL,
  PRIMARY KEY (conversation_id),
  KEY user_id (user_id),
  KEY start_date (start_date)
);

CREATE TABLE xf_conversation_message (
  `message_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `conversation_id` int(10) unsigned NOT NULL,
  `message_date` int(10) unsigned NOT NULL,
  `user_id` int(10) unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `message` mediumtext NOT NULL,
  `attach_count` smallint(5) unsigned NOT NULL DEFAULT '0',
  `ip_id` int(10) unsigned NOT NULL DEFAULT '0',
  `embed_metadata` blob,
  `reaction_score` int(11) NOT NULL DEFAULT '0',
  `reactions` blob,
  `reaction_users` blob NOT NULL,
  PRIMARY KEY (message_id),
  KEY conversation_id_message_date (conversation_id, message_date),
  KEY message_date (message_date),
  KEY user_id (user_id)
);

CREATE TABLE xf_conversation_recipient (
  `conversation_id` int(10) unsigned NOT NULL,
  `user_id` int(10) unsigned NOT NULL,
  `recipient_state` enum('active','deleted','deleted_ignored') NOT NULL,
  `last_read_date` int(10) unsigned NOT NULL,
  PRIMARY KEY (conversation_id, user_id),
  KEY user_id (user_id)
);

CREATE TABLE xf_forum (
  `node_id` int(10) unsigned NOT NULL,
  `discussion_count` int(10) unsigned NOT NULL DEFAULT '0',
  `message_count` int(10) unsigned NOT NULL DEFAULT '0',
  `last_post_id` int(10) unsigned NOT NULL DEFAULT '0',
  `last_post_date` int(10) unsigned NOT NULL DEFAULT '0',
  `last_post_user_id` int(10) unsigned NOT NULL DEFAULT '0',
  `last_post_username` varchar(50) NOT NULL DEFAULT '',
  `last_thread_id` int(10) unsigned NOT NULL DEFAULT '0',
  `last_thread_title` varchar(150) NOT NULL DEFAULT '',
  `last_thread_prefix_id` int(10) unsigned NOT NULL DEFAULT '0',
  `moderate_threads` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `moderate_replies` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `allow_posting` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `count_messages` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `find_new` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `allowed_watch_notifications` varchar(10) NOT NULL DEFAULT 'all',
  `default_sort_order` varchar(25) NOT NULL DEFAULT 'last_post_date',
  `default_sort_direction` varchar(5) NOT NULL DEFAULT 'desc',
  `list_date_limit_days` smallint(5) unsigned NOT NULL DEFAULT '0',
  `default_prefix_id` int(10) unsigned NOT NULL DEFAULT '0',
  `require_prefix` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `min_tags` smallint(5) unsigned NOT NULL DEFAULT '0',
  `forum_type_id` varbinary(50) NOT NULL,
  `type_config` mediumblob NOT NULL,
  PRIMARY KEY (node_id)
);

CREATE TABLE xf_ip (
  `ip_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int(10) unsigned NOT NULL,
  `content_type` varbinary(25) NOT NULL,
  `content_id` int(10) unsigned NOT NULL,
  `action` varbinary(25) NOT NULL DEFAULT '',
  `ip` varbinary(16) NOT NULL,
  `log_date` int(10) unsigned NOT NULL,
  PRIMARY KEY (ip_id),
  KEY user_id_log_date (user_id, log_date),
  KEY ip_log_date (ip, log_date),
  KEY content_type_content_id (content_type, content_id),
  KEY log_date (log_date)
);

CREATE TABLE xf_node (
  `node_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(100) NOT NULL,
  `description` text NOT NULL,
  `node_name` varchar(50),
  `node_type_id` varbinary(25) NOT NULL,
  `parent_node_id` int(10) unsigned NOT NULL DEFAULT '0',
  `display_order` int(10) unsigned NOT NULL DEFAULT '1',
  `display_in_list` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `lft` int(10) unsigned NOT NULL DEFAULT '0',
  `rgt` int(10) unsigned NOT NULL DEFAULT '0',
  `depth` int(10) unsigned NOT NULL DEFAULT '0',
  `style_id` int(10) unsigned NOT NULL DEFAULT '0',
  `effective_style_id` int(10) unsigned NOT NULL DEFAULT '0',
  `breadcrumb_data` blob,
  `navigation_id` varbinary(50) NOT NULL DEFAULT '',
  `effective_navigation_id` varbinary(50) NOT NULL DEFAULT '',
  PRIMARY KEY (node_id),
  UNIQUE node_name_unique (node_name, node_type_id),
  KEY parent_node_id (parent_node_id),
  KEY display_order (display_order),
  KEY display_in_list (display_in_list, lft),
  KEY lft (lft)
);

CREATE TABLE xf_post (
  `post_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `thread_id` int(10) unsigned NOT NULL,
  `user_id` int(10) unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `post_date` int(10) unsigned NOT NULL,
  `message` mediumtext NOT NULL,
  `ip_id` int(10) unsigned NOT NULL DEFAULT '0',
  `message_state` enum('visible','moderated','deleted') NOT NULL DEFAULT 'visible',
  `attach_count` smallint(5) unsigned NOT NULL DEFAULT '0',
  `position` int(10) unsigned NOT NULL,
  `reaction_score` int(11) NOT NULL DEFAULT '0',
  `reactions` blob,
  `reaction_users` blob NOT NULL,
  `warning_id` int(10) unsigned NOT NULL DEFAULT '0',
  `warning_message` varchar(255) NOT NULL DEFAULT '',
  `last_edit_date` int(10) unsigned NOT NULL DEFAULT '0',
  `last_edit_user_id` int(10) unsigned NOT NULL DEFAULT '0',
  `edit_count` int(10) unsigned NOT NULL DEFAULT '0',
  `embed_metadata` blob,
  `vote_score` int(11) NOT NULL DEFAULT '0',
  `vote_count` int(10) unsigned NOT NULL DEFAULT '0',
  `type_data` mediumblob NOT NULL,
  PRIMARY KEY (post_id),
  KEY thread_id_post_date (thread_id, post_date),
  KEY thread_id_position (thread_id, position),
  KEY user_id (user_id),
  KEY post_date (post_date)
);

CREATE TABLE xf_session_activity (
  `user_id` int(10) unsigned NOT NULL,
  `unique_key` varbinary(16) NOT NULL,
  `ip` varbinary(16) NOT NULL DEFAULT '',
  `controller_name` varchar(100) NOT NULL,
  `controller_action` varchar(75) NOT NULL,
  `view_state` enum('valid','error') NOT NULL,
  `params` varbinary(100) NOT NULL,
  `view_date` int(10) unsigned NOT NULL,
  `robot_key` varbinary(25) NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, unique_key),
  KEY view_date (view_date)
);

CREATE TABLE xf_thread (
  `thread_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `node_id` int(10) unsigned NOT NULL,
  `title` varchar(150) NOT NULL,
  `reply_count` int(10) unsigned NOT NULL DEFAULT '0',
  `view_count` int(10) unsigned NOT NULL DEFAULT '0',
  `user_id` int(10) unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `post_date` int(10) unsigned NOT NULL,
  `sticky` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `discussion_state` enum('visible','moderated','deleted') NOT NULL DEFAULT 'visible',
  `discussion_open` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `discussion_type` varchar(50) NOT NULL DEFAULT '',
  `first_post_id` int(10) unsigned NOT NULL,
  `first_post_reaction_score` int(11) NOT NULL DEFAULT '0',
  `first_post_reactions` blob,
  `last_post_date` int(10) unsigned NOT NULL,
  `last_post_id` int(10) unsigned NOT NULL,
  `last_post_user_id` int(10) unsigned NOT NULL,
  `last_post_username` varchar(50) NOT NULL,
  `prefix_id` int(10) unsigned NOT NULL DEFAULT '0',
  `tags` mediumblob NOT NULL,
  `custom_fields` mediumblob NOT NULL,
  `vote_score` int(11) NOT NULL DEFAULT '0',
  `vote_count` int(10) unsigned NOT NULL DEFAULT '0',
  `type_data` mediumblob NOT NULL,
  PRIMARY KEY (thread_id),
  KEY node_id_last_post_date (node_id, last_post_date),
  KEY node_id_sticky_state_last_post (node_id, sticky, discussion_state, last_post_date),
  KEY last_post_date (last_post_date),
  KEY post_date (post_date),
  KEY user_id (user_id)
);

CREATE TABLE xf_user (
  `user_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(50) NOT NULL,
  `username_date` int(10) unsigned NOT NULL DEFAULT '0',
  `username_date_visible` int(10) unsigned NOT NULL DEFAULT '0',
  `email` varchar(120) NOT NULL,
  `custom_title` varchar(50) NOT NULL DEFAULT '',
  `language_id` int(10) unsigned NOT NULL,
  `style_id` int(10) unsigned NOT NULL,
  `style_variation` varchar(50) NOT NULL DEFAULT '',
  `timezone` varchar(50) NOT NULL,
  `visible` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `activity_visible` tinyint(3) unsigned NOT NULL DEFAULT '1',
  `user_group_id` int(10) unsigned NOT NULL,
  `secondary_group_ids` varbinary(255) NOT NULL,
  `display_style_group_id` int(10) unsigned NOT NULL DEFAULT '0',
  `permission_combination_id` int(10) unsigned NOT NULL,
  `message_count` int(10) unsigned NOT NULL DEFAULT '0',
  `question_solution_count` int(10) unsigned NOT NULL DEFAULT '0',
  `conversations_unread` smallint(5) unsigned NOT NULL DEFAULT '0',
  `register_date` int(10) unsigned NOT NULL DEFAULT '0',
  `last_activity` int(10) unsigned NOT NULL DEFAULT '0',
  `last_summary_email_date` int(10) unsigned,
  `trophy_points` int(10) unsigned NOT NULL DEFAULT '0',
  `alerts_unviewed` smallint(5) unsigned NOT NULL DEFAULT '0',
  `alerts_unread` smallint(5) unsigned NOT NULL DEFAULT '0',
  `avatar_date` int(10) unsigned NOT NULL DEFAULT '0',
  `avatar_width` smallint(5) unsigned NOT NULL DEFAULT '0',
  `avatar_height` smallint(5) unsigned NOT NULL DEFAULT '0',
  `avatar_highdpi` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `avatar_optimized` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `gravatar` varchar(120) NOT NULL DEFAULT '',
  `user_state` enum('valid','email_confirm','email_confirm_edit','moderated','email_bounce','rejected','disabled') NOT NULL DEFAULT 'valid',
  `security_lock` enum('','change','reset') NOT NULL DEFAULT '',
  `is_moderator` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `is_admin` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `is_banned` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `reaction_score` int(11) NOT NULL DEFAULT '0',
  `vote_score` int(11) NOT NULL DEFAULT '0',
  `warning_points` int(10) unsigned NOT NULL DEFAULT '0',
  `is_staff` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `secret_key` varbinary(32) NOT NULL,
  `privacy_policy_accepted` int(10) unsigned NOT NULL DEFAULT '0',
  `terms_accepted` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (user_id),
  UNIQUE username (username),
  KEY email (email),
  KEY user_state (user_state),
  KEY last_activity (last_activity),
  KEY message_count (message_count),
  KEY register_date (register_date)
);

CREATE TABLE xf_user_authenticate (
  `user_id` int(10) unsigned NOT NULL,
  `scheme_class` varchar(100) NOT NULL,
  `data` mediumblob NOT NULL,
  PRIMARY KEY (user_id)
);

CREATE TABLE xf_user_ban (
  `user_id` int(10) unsigned NOT NULL,
  `ban_user_id` int(10) unsigned NOT NULL,
  `ban_date` int(10) unsigned NOT NULL DEFAULT '0',
  `end_date` int(10) unsigned NOT NULL DEFAULT '0',
  `user_reason` varchar(255) NOT NULL,
  `triggered` tinyint(3) unsigned NOT NULL DEFAULT '1',
  PRIMARY KEY (user_id),
  KEY ban_date (ban_date),
  KEY end_date (end_date)
);

CREATE TABLE xf_user_field_value (
  `user_id` int(10) unsigned NOT NULL,
  `field_id` varbinary(25) NOT NULL,
  `field_value` mediumtext NOT NULL,
  PRIMARY KEY (user_id, field_id),
  KEY field_id (field_id)
);

CREATE TABLE xf_user_group (
  `user_group_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(50) NOT NULL,
  `display_style_priority` int(10) unsigned NOT NULL DEFAULT '0',
  `username_css` text NOT NULL,
  `user_title` varchar(100) NOT NULL DEFAULT '',
  `banner_css_class` varchar(75) NOT NULL DEFAULT '',
  `banner_text` varchar(100) NOT NULL DEFAULT '',
  PRIMARY KEY (user_group_id),
  KEY title (title)
);

CREATE TABLE xf_user_profile (
  `user_id` int(10) unsigned NOT NULL,
  `dob_day` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `dob_month` tinyint(3) unsigned NOT NULL DEFAULT '0',
  `dob_year` smallint(5) unsigned NOT NULL DEFAULT '0',
  `signature` text NOT NULL,
  `website` text NOT NULL,
  `location` varchar(50) NOT NULL DEFAULT '',
  `following` text NOT NULL,
  `ignored` text NOT NULL,
  `avatar_crop` blob NOT NULL,
  `about` text NOT NULL,
  `custom_fields` mediumblob NOT NULL,
  `connected_accounts` mediumblob NOT NULL,
  `password_date` int(10) unsigned NOT NULL DEFAULT '1',
  PRIMARY KEY (user_id)
);
